import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { ChevronLeft, ChevronRight, MapPin } from 'lucide-react'
import { api, qs } from '@/api/client'
import type { Appointment, DoctorCard, Hold, Slot, Slots, VisitType } from '@/api/types'
import { Button } from '@/components/ui/button'
import { Badge, Card, CardContent } from '@/components/ui/card'
import { Select, Textarea } from '@/components/ui/input'
import { Dialog, DialogContent } from '@/components/ui/dialog'
import { Field } from '@/components/form'
import { Empty, ErrorState, FieldErrors, Loading, PageTitle } from '@/components/states'
import { addDays, formatDateTime, formatDay, formatTime, groupByDay, localZone, weekStart } from '@/lib/time'
import { fee } from './FindDoctor'

/** A week of free slots, on the patient's clock (and the doctor's when it differs). */
export function SlotWeek({ doctorId, visitType, onPick, week, setWeek }: {
  doctorId: string; visitType: VisitType; onPick: (slot: Slot, zone: string) => void; week: number; setWeek: (w: number) => void
}) {
  const start = weekStart(new Date(), week)
  const end = addDays(start, 7)
  const slots = useQuery({
    queryKey: ['slots', doctorId, visitType, start.toISOString()],
    queryFn: () => api.get<Slots>('appointments', `/api/v1/doctors/${doctorId}/slots${qs({ from: (week === 0 ? new Date() : start).toISOString(), to: end.toISOString(), visitType })}`),
  })
  const zone = localZone()
  const doctorZone = slots.data?.timeZone
  const differs = doctorZone && doctorZone !== zone
  return (
    <section aria-labelledby="slots-title">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id="slots-title" className="text-lg font-semibold">Free times</h2>
        <div className="ml-auto flex items-center gap-1">
          <Button variant="outline" size="icon" aria-label="Previous week" disabled={week === 0} onClick={() => setWeek(week - 1)}><ChevronLeft /></Button>
          <span className="min-w-40 text-center text-sm" aria-live="polite">{formatDay(start)} – {formatDay(addDays(end, -1))}</span>
          <Button variant="outline" size="icon" aria-label="Next week" onClick={() => setWeek(week + 1)}><ChevronRight /></Button>
        </div>
      </div>
      <p className="mb-2 text-xs text-slate-700">Times in your time zone ({zone}){differs ? `; the doctor's clock (${doctorZone}) is shown below each time` : ''}.</p>
      {slots.isPending ? <Loading /> : slots.isError ? <ErrorState error={slots.error} onRetry={() => slots.refetch()} /> : slots.data.slots.length === 0
        ? <Empty>No free time this week. Try the next week.</Empty> : (
          <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
            {groupByDay(slots.data.slots, start).map(({ day, items }) => (
              <div key={day.toISOString()} className="min-w-0">
                <h3 className="mb-1 text-sm font-medium text-slate-800">{formatDay(day)}</h3>
                {items.length === 0 ? <p className="text-xs text-slate-700">—</p> : (
                  <ul className="flex flex-col gap-1">
                    {items.map((slot) => (
                      <li key={slot.start}>
                        <Button variant="outline" size="sm" className="h-auto w-full flex-col py-1" onClick={() => onPick(slot, slots.data.timeZone)}
                          aria-label={`Book ${formatDateTime(slot.start)}`}>
                          <span>{formatTime(slot.start)}</span>
                          {differs && <span className="text-[11px] text-slate-700">{slot.localStart.slice(11, 16)} doctor</span>}
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            ))}
          </div>
        )}
    </section>
  )
}

export default function DoctorProfile() {
  const { doctorId = '' } = useParams()
  const navigate = useNavigate()
  const client = useQueryClient()
  const [visitType, setVisitType] = useState<VisitType>('IN_PERSON')
  const [week, setWeek] = useState(0)
  const [hold, setHold] = useState<Hold | null>(null)
  const doctor = useQuery({ queryKey: ['doctor', doctorId], queryFn: () => api.get<DoctorCard>('auth', `/api/v1/doctors/${doctorId}`) })
  const takeHold = useMutation({
    mutationFn: (slot: Slot) => api.post<Hold>('appointments', '/api/v1/holds', { doctorId, start: slot.start, visitType }),
    onSuccess: setHold,
    onError: () => client.invalidateQueries({ queryKey: ['slots', doctorId] }),
  })
  const release = () => {
    if (hold) api.del('appointments', `/api/v1/holds/${hold.id}`).catch(() => undefined)
    setHold(null)
  }
  const book = useMutation({
    mutationFn: (reason: string) => api.post<Appointment>('appointments', '/api/v1/appointments',
      { doctorId, start: hold!.start, visitType, reason: reason || undefined, holdId: hold!.id }, { 'Idempotency-Key': hold!.id }),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['appointments'] })
      client.invalidateQueries({ queryKey: ['slots', doctorId] })
      navigate('/visits?booked=1')
    },
  })
  if (doctor.isPending) return <Loading />
  if (doctor.isError) return <ErrorState error={doctor.error} onRetry={() => doctor.refetch()} />
  const d = doctor.data
  return (
    <>
      <Link to="/doctors" className="text-sm text-teal-800 underline">Back to the search</Link>
      <PageTitle>{d.name}</PageTitle>
      <Card className="mb-5">
        <CardContent className="space-y-2 pt-5 text-sm">
          <p className="font-medium">{d.specialty}</p>
          {d.bio && <p className="text-slate-800">{d.bio}</p>}
          {d.clinicAddress && <p className="flex items-center gap-1"><MapPin className="size-4" aria-hidden /> {d.clinicAddress}</p>}
          <div className="flex flex-wrap gap-2">{d.languages.map((l) => <Badge key={l}>{l}</Badge>)}</div>
          {d.consultationFee != null && <p>Consultation fee: <strong>{fee(d.consultationFee)}</strong></p>}
        </CardContent>
      </Card>
      <div className="mb-3 max-w-xs">
        <Field label="Kind of visit"><Select value={visitType} onChange={(e) => setVisitType(e.target.value as VisitType)}>
          <option value="IN_PERSON">In person</option>
          <option value="VIDEO">Video</option>
        </Select></Field>
      </div>
      {takeHold.isError && <div className="mb-3"><FieldErrors error={takeHold.error} /></div>}
      <SlotWeek doctorId={doctorId} visitType={visitType} week={week} setWeek={setWeek} onPick={(slot) => takeHold.mutate(slot)} />
      <Dialog open={!!hold} onOpenChange={(open) => { if (!open) release() }}>
        {hold && (
          <DialogContent title="Confirm your visit" description={`With ${d.name}, ${formatDateTime(hold.start)} (${visitType === 'VIDEO' ? 'video' : 'in person'}). We keep this time for you until ${formatTime(hold.expiresAt)}.`}>
            <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); book.mutate(String(new FormData(e.currentTarget).get('reason') ?? '')) }}>
              <Field label="Reason for the visit (optional)" name="reason" error={book.error}><Textarea maxLength={1000} /></Field>
              <FieldErrors error={book.error} />
              <div className="flex justify-end gap-2">
                <Button type="button" variant="outline" onClick={release}>Cancel</Button>
                <Button type="submit" disabled={book.isPending}>{book.isPending ? 'Booking…' : 'Book this time'}</Button>
              </div>
            </form>
          </DialogContent>
        )}
      </Dialog>
    </>
  )
}
