import { useState } from 'react'
import { Link } from 'react-router'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ChevronLeft, ChevronRight } from 'lucide-react'
import { api, qs } from '@/api/client'
import type { Appointment, Page } from '@/api/types'
import { Button } from '@/components/ui/button'
import { Empty, ErrorState, FieldErrors, Loading, PageTitle } from '@/components/states'
import { addDays, formatDay, weekStart } from '@/lib/time'
import { VisitList } from '@/pages/patient/Visits'

type Action = 'check-in' | 'start' | 'complete' | 'no-show'

/** The doctor's day or week, and the visit lifecycle: check-in, start, complete, no-show. */
export default function Schedule() {
  const client = useQueryClient()
  const [view, setView] = useState<'day' | 'week'>('day')
  const [offset, setOffset] = useState(0)
  const today = new Date()
  today.setHours(0, 0, 0, 0)
  const from = view === 'day' ? addDays(today, offset) : weekStart(today, offset)
  const to = addDays(from, view === 'day' ? 1 : 7)
  const visits = useQuery({
    queryKey: ['appointments', 'schedule', from.toISOString(), to.toISOString()],
    queryFn: () => api.get<Page<Appointment>>('appointments', `/api/v1/appointments${qs({ from: from.toISOString(), to: to.toISOString(), limit: 100 })}`),
  })
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: Action }) => api.post<Appointment>('appointments', `/api/v1/appointments/${id}/${action}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['appointments'] }),
  })
  const button = (v: Appointment, action: Action, label: string) => (
    <Button key={action} size="sm" variant={action === 'no-show' ? 'outline' : 'default'} disabled={act.isPending} onClick={() => act.mutate({ id: v.id, action })}>{label}</Button>
  )
  return (
    <>
      <PageTitle action={
        <div className="flex items-center gap-1">
          <Button size="sm" variant={view === 'day' ? 'default' : 'outline'} aria-pressed={view === 'day'} onClick={() => { setView('day'); setOffset(0) }}>Day</Button>
          <Button size="sm" variant={view === 'week' ? 'default' : 'outline'} aria-pressed={view === 'week'} onClick={() => { setView('week'); setOffset(0) }}>Week</Button>
        </div>}>Schedule</PageTitle>
      <div className="mb-3 flex items-center gap-2">
        <Button variant="outline" size="icon" aria-label={`Previous ${view}`} onClick={() => setOffset(offset - 1)}><ChevronLeft /></Button>
        <span className="min-w-48 text-center text-sm font-medium" aria-live="polite">{view === 'day' ? formatDay(from) : `${formatDay(from)} – ${formatDay(addDays(to, -1))}`}</span>
        <Button variant="outline" size="icon" aria-label={`Next ${view}`} onClick={() => setOffset(offset + 1)}><ChevronRight /></Button>
      </div>
      {act.isError && <div className="mb-3"><FieldErrors error={act.error} /></div>}
      {visits.isPending ? <Loading /> : visits.isError ? <ErrorState error={visits.error} onRetry={() => visits.refetch()} />
        : visits.data.items.length === 0 ? <Empty>No visits {view === 'day' ? 'this day' : 'this week'}.</Empty> : (
          <VisitList visits={visits.data.items} actions={(v) => (
            <>
              {v.status === 'booked' && [button(v, 'check-in', 'Check in'), button(v, 'start', 'Start'), button(v, 'no-show', 'No-show')]}
              {v.status === 'arrived' && (v.startedAt ? button(v, 'complete', 'Complete') : [button(v, 'start', 'Start'), button(v, 'complete', 'Complete')])}
              <Button size="sm" variant="ghost" asChild><Link to={`/doctor/patients/${v.patientId}`}>Patient</Link></Button>
            </>
          )} />
        )}
    </>
  )
}
