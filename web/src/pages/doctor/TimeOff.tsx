import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useAuth } from '@/auth/AuthContext'
import { api } from '@/api/client'
import type { TimeOff } from '@/api/types'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Card } from '@/components/ui/card'
import { Field } from '@/components/form'
import { Empty, ErrorState, FieldErrors, Loading, PageTitle } from '@/components/states'
import { formatDateTime } from '@/lib/time'

/** Time off; visits already booked inside it stay and are listed so the doctor can move or cancel them. */
export default function TimeOffPage() {
  const { user } = useAuth()
  const doctorId = user!.profile.sub
  const client = useQueryClient()
  const list = useQuery({ queryKey: ['time-off', doctorId], queryFn: () => api.get<TimeOff[]>('appointments', `/api/v1/doctors/${doctorId}/time-off`) })
  const add = useMutation({
    mutationFn: (body: { start: string; end: string; reason?: string }) => api.post<TimeOff>('appointments', `/api/v1/doctors/${doctorId}/time-off`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['time-off', doctorId] }),
  })
  const remove = useMutation({
    mutationFn: (id: string) => api.del('appointments', `/api/v1/doctors/${doctorId}/time-off/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['time-off', doctorId] }),
  })
  return (
    <>
      <PageTitle>Time off</PageTitle>
      <Card className="mb-5 p-4">
        <form className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end" onSubmit={(e) => {
          e.preventDefault()
          const f = new FormData(e.currentTarget)
          const at = (k: string) => { const v = String(f.get(k) ?? ''); return v ? new Date(v).toISOString() : '' }
          add.mutate({ start: at('start'), end: at('end'), reason: String(f.get('reason') ?? '') || undefined })
        }}>
          <Field label="From" name="start" error={add.error}><Input type="datetime-local" required /></Field>
          <Field label="Until" name="end" error={add.error}><Input type="datetime-local" required /></Field>
          <Field label="Reason (optional)" name="reason" error={add.error}><Input maxLength={500} /></Field>
          <Button type="submit" disabled={add.isPending}>Add time off</Button>
        </form>
        <div className="mt-2"><FieldErrors error={add.error ?? remove.error} /></div>
        {add.data && add.data.overlappingAppointments.length > 0 && (
          <p role="status" className="mt-2 rounded-md bg-amber-50 p-2 text-sm text-amber-950">{add.data.overlappingAppointments.length} booked visit(s) fall in this time off. They stay booked: move or cancel them in your schedule.</p>
        )}
      </Card>
      {list.isPending ? <Loading /> : list.isError ? <ErrorState error={list.error} onRetry={() => list.refetch()} />
        : list.data.length === 0 ? <Empty>No time off planned.</Empty> : (
          <ul className="space-y-2">
            {list.data.map((t) => (
              <li key={t.id}><Card className="flex flex-wrap items-center gap-3 p-3">
                <div className="flex-1 text-sm">
                  <p className="font-medium">{formatDateTime(t.start)} – {formatDateTime(t.end)}</p>
                  {t.reason && <p>{t.reason}</p>}
                  {t.overlappingAppointments.length > 0 && <p className="text-amber-950">{t.overlappingAppointments.length} visit(s) still booked in it</p>}
                </div>
                <Button size="sm" variant="outline" onClick={() => remove.mutate(t.id)}>Remove</Button>
              </Card></li>
            ))}
          </ul>
        )}
    </>
  )
}
