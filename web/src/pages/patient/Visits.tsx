import { useState } from 'react'
import { Link, useSearchParams } from 'react-router'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { CalendarPlus } from 'lucide-react'
import { api, qs } from '@/api/client'
import type { Appointment, Page, Slot } from '@/api/types'
import { Button } from '@/components/ui/button'
import { Badge, Card } from '@/components/ui/card'
import { Textarea } from '@/components/ui/input'
import { Dialog, DialogContent } from '@/components/ui/dialog'
import { Field } from '@/components/form'
import { Empty, ErrorState, FieldErrors, Loading, PageTitle } from '@/components/states'
import { formatDateTime } from '@/lib/time'
import { SlotWeek } from './DoctorProfile'

const STATUS: Record<string, string> = { booked: 'Booked', arrived: 'Checked in', fulfilled: 'Done', cancelled: 'Cancelled', noshow: 'Missed' }

export function statusBadge(status: string) {
  const tone = status === 'cancelled' || status === 'noshow' ? 'bg-red-100 text-red-900' : status === 'fulfilled' ? 'bg-slate-200 text-slate-900' : 'bg-teal-100 text-teal-900'
  return <Badge className={tone}>{STATUS[status] ?? status}</Badge>
}

function CancelDialog({ visit, onClose }: { visit: Appointment; onClose: () => void }) {
  const client = useQueryClient()
  const cancel = useMutation({
    mutationFn: (reason: string) => api.post<Appointment>('appointments', `/api/v1/appointments/${visit.id}/cancel`, { reason: reason || undefined }),
    onSuccess: () => { client.invalidateQueries({ queryKey: ['appointments'] }); onClose() },
  })
  return (
    <DialogContent title="Cancel this visit?" description={`${visit.doctorName ?? 'Your doctor'}, ${formatDateTime(visit.start)}. Patients can cancel up to the doctor's cut-off (usually 24 hours before); after that please contact the practice.`}>
      <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); cancel.mutate(String(new FormData(e.currentTarget).get('reason') ?? '')) }}>
        <Field label="Reason (optional)" name="reason" error={cancel.error}><Textarea maxLength={500} /></Field>
        <FieldErrors error={cancel.error} />
        <div className="flex justify-end gap-2">
          <Button type="button" variant="outline" onClick={onClose}>Keep the visit</Button>
          <Button type="submit" variant="destructive" disabled={cancel.isPending}>Cancel visit</Button>
        </div>
      </form>
    </DialogContent>
  )
}

function RescheduleDialog({ visit, onClose }: { visit: Appointment; onClose: () => void }) {
  const client = useQueryClient()
  const [week, setWeek] = useState(0)
  const move = useMutation({
    mutationFn: (slot: Slot) => api.post<Appointment>('appointments', `/api/v1/appointments/${visit.id}/reschedule`, { start: slot.start, visitType: visit.visitType }),
    onSuccess: () => { client.invalidateQueries({ queryKey: ['appointments'] }); onClose() },
  })
  return (
    <DialogContent title="Move this visit" description={`Now: ${formatDateTime(visit.start)}. Pick a new time; your current time is freed only once the new one is yours.`}>
      <FieldErrors error={move.error} />
      <div className="max-h-[60vh] overflow-y-auto"><SlotWeek doctorId={visit.doctorId} visitType={visit.visitType} week={week} setWeek={setWeek} onPick={(slot) => move.mutate(slot)} /></div>
    </DialogContent>
  )
}

export function VisitList({ visits, actions }: { visits: Appointment[]; actions: (v: Appointment) => React.ReactNode }) {
  return (
    <ul className="space-y-2">
      {visits.map((v) => (
        <li key={v.id}>
          <Card className="flex flex-wrap items-center gap-3 p-3">
            <div className="min-w-0 flex-1">
              <p className="font-medium"><time dateTime={v.start}>{formatDateTime(v.start)}</time> {statusBadge(v.status)}</p>
              <p className="text-sm text-slate-800">{v.doctorName ?? 'Doctor'} · {v.patientName ?? 'Patient'} · {v.visitType === 'VIDEO' ? 'Video' : 'In person'}</p>
              {v.reason && <p className="text-sm text-slate-700">Reason: {v.reason}</p>}
              {v.cancellationReason && <p className="text-sm text-slate-700">Cancelled by the {v.cancelledBy}: {v.cancellationReason}</p>}
            </div>
            <div className="flex flex-wrap gap-2">{actions(v)}</div>
          </Card>
        </li>
      ))}
    </ul>
  )
}

export default function Visits() {
  const [params] = useSearchParams()
  const [now] = useState(() => new Date())
  const [dialog, setDialog] = useState<{ kind: 'cancel' | 'move'; visit: Appointment } | null>(null)
  const [icsError, setIcsError] = useState<unknown>()
  const visits = useQuery({
    queryKey: ['appointments', 'mine'],
    queryFn: () => api.get<Page<Appointment>>('appointments', `/api/v1/appointments${qs({ limit: 100 })}`),
  })
  const upcoming = visits.data?.items.filter((v) => new Date(v.end) >= now && v.status !== 'cancelled') ?? []
  const past = visits.data?.items.filter((v) => !(new Date(v.end) >= now && v.status !== 'cancelled')).reverse() ?? []
  return (
    <>
      <PageTitle action={<Button variant="outline" onClick={() => api.download('appointments', '/api/v1/appointments/calendar.ics', 'consulta.ics').catch(setIcsError)}><CalendarPlus aria-hidden /> Add to calendar (.ics)</Button>}>Your visits</PageTitle>
      {params.get('booked') && <p role="status" className="mb-3 rounded-md bg-teal-50 p-3 text-sm text-teal-900">Your visit is booked.</p>}
      {icsError ? <FieldErrors error={icsError} /> : null}
      {visits.isPending ? <Loading /> : visits.isError ? <ErrorState error={visits.error} onRetry={() => visits.refetch()} /> : (
        <>
          <h2 className="mb-2 mt-2 text-lg font-semibold">Upcoming</h2>
          {upcoming.length === 0 ? <Empty>No upcoming visit. <Link className="underline" to="/doctors">Find a doctor</Link>.</Empty> : (
            <VisitList visits={upcoming} actions={(v) => v.status === 'booked' && (
              <>
                <Button size="sm" variant="outline" onClick={() => setDialog({ kind: 'move', visit: v })}>Reschedule</Button>
                <Button size="sm" variant="outline" onClick={() => setDialog({ kind: 'cancel', visit: v })}>Cancel</Button>
              </>
            )} />
          )}
          <h2 className="mb-2 mt-6 text-lg font-semibold">Past and cancelled</h2>
          {past.length === 0 ? <Empty>Nothing yet.</Empty> : <VisitList visits={past} actions={() => null} />}
        </>
      )}
      <Dialog open={!!dialog} onOpenChange={(open) => { if (!open) setDialog(null) }}>
        {dialog?.kind === 'cancel' && <CancelDialog visit={dialog.visit} onClose={() => setDialog(null)} />}
        {dialog?.kind === 'move' && <RescheduleDialog visit={dialog.visit} onClose={() => setDialog(null)} />}
      </Dialog>
    </>
  )
}
