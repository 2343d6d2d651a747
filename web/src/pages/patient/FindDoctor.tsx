import { useState } from 'react'
import { Link } from 'react-router'
import { useInfiniteQuery } from '@tanstack/react-query'
import { MapPin, Search } from 'lucide-react'
import { api, qs } from '@/api/client'
import type { DoctorCard, Page } from '@/api/types'
import { Input } from '@/components/ui/input'
import { Button } from '@/components/ui/button'
import { Badge, Card } from '@/components/ui/card'
import { Field } from '@/components/form'
import { Empty, ErrorState, Loading, PageTitle } from '@/components/states'

export function fee(amount?: number) {
  return amount == null ? '' : new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(amount)
}

export default function FindDoctor() {
  const [filters, setFilters] = useState({ q: '', specialty: '', language: '' })
  const query = useInfiniteQuery({
    queryKey: ['doctors', filters],
    queryFn: ({ pageParam }) => api.get<Page<DoctorCard>>('auth', `/api/v1/doctors${qs({ ...filters, limit: 20, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
  const doctors = query.data?.pages.flatMap((p) => p.items) ?? []
  return (
    <>
      <PageTitle>Find a doctor</PageTitle>
      <form role="search" className="mb-5 grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" onSubmit={(e) => {
        e.preventDefault()
        const f = new FormData(e.currentTarget)
        setFilters({ q: String(f.get('q') ?? ''), specialty: String(f.get('specialty') ?? ''), language: String(f.get('language') ?? '') })
      }}>
        <Field label="Name or specialty" name="q"><Input type="search" defaultValue={filters.q} /></Field>
        <Field label="Specialty" name="specialty"><Input defaultValue={filters.specialty} /></Field>
        <Field label="Language" name="language"><Input defaultValue={filters.language} placeholder="e.g. en" /></Field>
        <Button type="submit"><Search aria-hidden /> Search</Button>
      </form>
      {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} />
        : doctors.length === 0 ? <Empty>No doctor matches. Try fewer filters.</Empty> : (
          <ul className="grid gap-3 md:grid-cols-2" aria-label="Doctors">
            {doctors.map((d) => (
              <li key={d.id}>
                <Card className="flex h-full flex-col gap-2 p-4">
                  <h2 className="text-lg font-semibold"><Link className="rounded text-teal-800 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-700" to={`/doctors/${d.id}`}>{d.name}</Link></h2>
                  <p className="text-sm text-slate-800">{d.specialty}</p>
                  {d.clinicAddress && <p className="flex items-center gap-1 text-sm text-slate-700"><MapPin className="size-4" aria-hidden />{d.clinicAddress}</p>}
                  <div className="flex flex-wrap items-center gap-2">
                    {d.languages.map((l) => <Badge key={l}>{l}</Badge>)}
                    {d.consultationFee != null && <span className="ml-auto text-sm font-medium">{fee(d.consultationFee)}</span>}
                  </div>
                </Card>
              </li>
            ))}
          </ul>
        )}
      {query.hasNextPage && <Button className="mt-4" variant="outline" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>More doctors</Button>}
    </>
  )
}
