import { Link } from 'react-router'
import { Empty, ErrorState, Loading, PageTitle } from '@/components/states'
import { Card } from '@/components/ui/card'
import { useCounterpartNames } from '@/lib/names'
import { formatDateTime } from '@/lib/time'

/** The doctor's patients: everyone with a visit in the schedule. */
export default function Patients() {
  const { visits } = useCounterpartNames()
  if (visits.isPending) return <Loading />
  if (visits.isError) return <ErrorState error={visits.error} onRetry={() => visits.refetch()} />
  const patients = new Map<string, { name: string; next?: string; count: number }>()
  for (const v of visits.data.items) {
    const p = patients.get(v.patientId) ?? { name: v.patientName ?? 'Patient', count: 0 }
    p.count++
    if (v.status === 'booked' && new Date(v.start) > new Date() && (!p.next || v.start < p.next)) p.next = v.start
    patients.set(v.patientId, p)
  }
  return (
    <>
      <PageTitle>Patients</PageTitle>
      {patients.size === 0 ? <Empty>No patients yet.</Empty> : (
        <ul className="grid gap-2 sm:grid-cols-2">
          {[...patients.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name)).map(([id, p]) => (
            <li key={id}><Card className="p-3">
              <Link to={`/doctor/patients/${id}`} className="font-semibold text-teal-800 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-700">{p.name}</Link>
              <p className="text-sm text-slate-700">{p.count} visit(s){p.next ? ` · next ${formatDateTime(p.next)}` : ''}</p>
            </Card></li>
          ))}
        </ul>
      )}
    </>
  )
}
