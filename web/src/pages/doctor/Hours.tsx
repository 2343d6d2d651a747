import { useEffect, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Plus, Trash2 } from 'lucide-react'
import { useAuth } from '@/auth/AuthContext'
import { api, ApiError } from '@/api/client'
import type { Availability, Hours, Weekday } from '@/api/types'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Card } from '@/components/ui/card'
import { Field } from '@/components/form'
import { ErrorState, FieldErrors, Loading, PageTitle } from '@/components/states'
import { localZone } from '@/lib/time'

const DAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']
const label = (d: string) => d.charAt(0) + d.slice(1).toLowerCase()

export const DEFAULT_HOURS: Availability = {
  timeZone: localZone(), weeklyHours: Object.fromEntries(DAYS.slice(0, 5).map((d) => [d, [{ start: '09:00', end: '17:00' }]])),
  dateOverrides: [], slotMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minimumNoticeMinutes: 120,
  horizonDays: 60, cancellationCutoffHours: 24, visitTypes: [{ type: 'IN_PERSON', minutes: 25 }, { type: 'VIDEO', minutes: 25 }],
}

function HoursRow({ hours, onChange, onRemove, name }: { hours: Hours; onChange: (h: Hours) => void; onRemove: () => void; name: string }) {
  return (
    <div className="flex items-center gap-2">
      <Input type="time" step={300} aria-label={`${name} from`} value={hours.start} onChange={(e) => onChange({ ...hours, start: e.target.value })} className="w-32" />
      <span aria-hidden>–</span>
      <Input type="time" step={300} aria-label={`${name} until`} value={hours.end} onChange={(e) => onChange({ ...hours, end: e.target.value })} className="w-32" />
      <Button type="button" variant="ghost" size="icon" aria-label={`Remove ${name} hours`} onClick={onRemove}><Trash2 /></Button>
    </div>
  )
}

/** Weekly hours, date overrides and slot layout, saved with the version read (412 when someone saved in between). */
export default function HoursPage() {
  const { user } = useAuth()
  const doctorId = user!.profile.sub
  const client = useQueryClient()
  const current = useQuery({
    queryKey: ['availability', doctorId],
    queryFn: () => api.get<Availability>('appointments', `/api/v1/doctors/${doctorId}/availability`)
      .catch((e) => { if (e instanceof ApiError && e.status === 404) return { ...DEFAULT_HOURS, version: 0 }; throw e }),
  })
  const [draft, setDraft] = useState<Availability | null>(null)
  useEffect(() => { if (current.data) setDraft(current.data) }, [current.data])
  const save = useMutation({
    mutationFn: (a: Availability) => api.put<Availability>('appointments', `/api/v1/doctors/${doctorId}/availability`, {
      timeZone: a.timeZone, weeklyHours: a.weeklyHours, dateOverrides: a.dateOverrides, slotMinutes: a.slotMinutes,
      bufferBeforeMinutes: a.bufferBeforeMinutes, bufferAfterMinutes: a.bufferAfterMinutes, minimumNoticeMinutes: a.minimumNoticeMinutes,
      horizonDays: a.horizonDays, cancellationCutoffHours: a.cancellationCutoffHours, visitTypes: a.visitTypes,
    }, a.version ? { 'If-Match': `"${a.version}"` } : undefined),
    onSuccess: (a) => client.setQueryData(['availability', doctorId], a),
  })
  if (current.isPending || !draft) return current.isError ? <ErrorState error={current.error} onRetry={() => current.refetch()} /> : <Loading />
  const setDay = (day: Weekday, list: Hours[]) => setDraft({ ...draft, weeklyHours: { ...draft.weeklyHours, [day]: list } })
  const num = (k: keyof Availability) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [k]: Number(e.target.value) })
  return (
    <>
      <PageTitle>Working hours</PageTitle>
      <form className="space-y-5" onSubmit={(e) => { e.preventDefault(); save.mutate(draft) }}>
        <Card className="space-y-3 p-4">
          <Field label="Time zone" name="timeZone" error={save.error}><Input value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} /></Field>
          {DAYS.map((day) => {
            const list = draft.weeklyHours[day] ?? []
            return (
              <fieldset key={day} className="flex flex-wrap items-start gap-3 border-t border-slate-100 pt-2">
                <legend className="w-28 pt-2 text-sm font-medium">{label(day)}</legend>
                <div className="space-y-2">
                  {list.length === 0 && <p className="pt-2 text-sm text-slate-700">Closed</p>}
                  {list.map((h, i) => <HoursRow key={i} name={label(day)} hours={h} onChange={(n) => setDay(day, list.map((x, k) => (k === i ? n : x)))} onRemove={() => setDay(day, list.filter((_, k) => k !== i))} />)}
                </div>
                <Button type="button" variant="outline" size="sm" onClick={() => setDay(day, [...list, { start: '09:00', end: '12:00' }])}><Plus aria-hidden /> Hours</Button>
              </fieldset>
            )
          })}
        </Card>
        <Card className="grid gap-3 p-4 sm:grid-cols-3">
          <Field label="Slot length (minutes)" name="slotMinutes" error={save.error}><Input type="number" min={5} step={5} value={draft.slotMinutes} onChange={num('slotMinutes')} /></Field>
          <Field label="Minimum notice (minutes)" name="minimumNoticeMinutes" error={save.error}><Input type="number" min={0} value={draft.minimumNoticeMinutes} onChange={num('minimumNoticeMinutes')} /></Field>
          <Field label="Bookable days ahead" name="horizonDays" error={save.error}><Input type="number" min={1} max={365} value={draft.horizonDays} onChange={num('horizonDays')} /></Field>
          <Field label="Patients may cancel until (hours before)" name="cancellationCutoffHours" error={save.error}><Input type="number" min={0} value={draft.cancellationCutoffHours} onChange={num('cancellationCutoffHours')} /></Field>
          <Field label="Buffer after a visit (minutes)" name="bufferAfterMinutes" error={save.error}><Input type="number" min={0} step={5} value={draft.bufferAfterMinutes} onChange={num('bufferAfterMinutes')} /></Field>
        </Card>
        <Card className="space-y-2 p-4">
          <h2 className="font-semibold">Date overrides</h2>
          <p className="text-sm text-slate-700">A date with no hours is closed; a date with hours replaces that weekday's hours.</p>
          {draft.dateOverrides.map((o, i) => (
            <div key={i} className="flex flex-wrap items-center gap-2">
              <Input type="date" aria-label="Override date" className="w-44" value={o.date} onChange={(e) => setDraft({ ...draft, dateOverrides: draft.dateOverrides.map((x, k) => (k === i ? { ...x, date: e.target.value } : x)) })} />
              {o.hours.length ? <HoursRow name={`Override ${o.date}`} hours={o.hours[0]} onChange={(h) => setDraft({ ...draft, dateOverrides: draft.dateOverrides.map((x, k) => (k === i ? { ...x, hours: [h] } : x)) })} onRemove={() => setDraft({ ...draft, dateOverrides: draft.dateOverrides.map((x, k) => (k === i ? { ...x, hours: [] } : x)) })} /> : <span className="text-sm">Closed</span>}
              <Button type="button" variant="ghost" size="sm" onClick={() => setDraft({ ...draft, dateOverrides: draft.dateOverrides.filter((_, k) => k !== i) })}>Remove</Button>
            </div>
          ))}
          <Button type="button" variant="outline" size="sm" onClick={() => setDraft({ ...draft, dateOverrides: [...draft.dateOverrides, { date: new Date(Date.now() + 7 * 864e5).toISOString().slice(0, 10), hours: [] }] })}><Plus aria-hidden /> Add a date</Button>
        </Card>
        <FieldErrors error={save.error} />
        {save.isSuccess && <p role="status" className="text-sm text-teal-800">Hours saved.</p>}
        <Button type="submit" disabled={save.isPending}>Save hours</Button>
      </form>
    </>
  )
}
