import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, qs } from '@/api/client'
import type { AccountState } from '@/api/types'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Input, Select, Textarea } from '@/components/ui/input'
import { Dialog, DialogContent } from '@/components/ui/dialog'
import { Field } from '@/components/form'
import { Empty, ErrorState, FieldErrors, Loading, PageTitle } from '@/components/states'
import { formatDateTime } from '@/lib/time'

/** Doctor approval and account disabling. Admins see account state only, never clinical content. */
export default function Admin() {
  const client = useQueryClient()
  const [status, setStatus] = useState('PENDING')
  const [rejecting, setRejecting] = useState<AccountState | null>(null)
  const doctors = useQuery({ queryKey: ['admin-doctors', status], queryFn: () => api.get<AccountState[]>('auth', `/api/v1/admin/doctors${qs({ status })}`) })
  const done = () => client.invalidateQueries({ queryKey: ['admin-doctors'] })
  const approve = useMutation({ mutationFn: (id: string) => api.post<AccountState>('auth', `/api/v1/admin/doctors/${id}/approve`), onSuccess: done })
  const reject = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.post<AccountState>('auth', `/api/v1/admin/doctors/${id}/reject`, { reason }),
    onSuccess: () => { done(); setRejecting(null) },
  })
  const disable = useMutation({ mutationFn: (id: string) => api.post<AccountState>('auth', `/api/v1/admin/users/${id}/disable`), onSuccess: done })
  return (
    <>
      <PageTitle>Accounts</PageTitle>
      <div className="mb-4 max-w-xs">
        <Field label="Doctors by status"><Select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="PENDING">Waiting for approval</option>
          <option value="ACTIVE">Active</option>
          <option value="REJECTED">Rejected</option>
          <option value="DISABLED">Disabled</option>
        </Select></Field>
      </div>
      <FieldErrors error={approve.error ?? disable.error} />
      {doctors.isPending ? <Loading /> : doctors.isError ? <ErrorState error={doctors.error} onRetry={() => doctors.refetch()} />
        : doctors.data.length === 0 ? <Empty>No doctor with this status.</Empty> : (
          <ul className="space-y-2" aria-label="Doctors">
            {doctors.data.map((d) => (
              <li key={d.id}><Card className="flex flex-wrap items-center gap-3 p-3">
                <div className="min-w-0 flex-1 text-sm">
                  <p className="font-semibold">{d.name}</p>
                  <p className="break-all text-slate-700">{d.email} · signed up {formatDateTime(d.createdAt)}</p>
                  {d.rejectionReason && <p>Reason: {d.rejectionReason}</p>}
                </div>
                {d.status === 'PENDING' && <>
                  <Button size="sm" onClick={() => approve.mutate(d.id)} disabled={approve.isPending} aria-label={`Approve ${d.name}`}>Approve</Button>
                  <Button size="sm" variant="outline" onClick={() => setRejecting(d)} aria-label={`Reject ${d.name}`}>Reject</Button>
                </>}
                {d.status === 'ACTIVE' && <Button size="sm" variant="destructive" onClick={() => disable.mutate(d.id)} aria-label={`Disable ${d.name}`}>Disable</Button>}
              </Card></li>
            ))}
          </ul>
        )}
      <Card className="mt-6 max-w-xl p-4">
        <h2 className="mb-2 font-semibold">Disable any account</h2>
        <form className="flex flex-wrap items-end gap-2" onSubmit={(e) => { e.preventDefault(); const id = String(new FormData(e.currentTarget).get('userId') ?? '').trim(); if (id) disable.mutate(id) }}>
          <div className="flex-1"><Field label="User id" name="userId"><Input required /></Field></div>
          <Button type="submit" variant="destructive" disabled={disable.isPending}>Disable</Button>
        </form>
        {disable.isSuccess && <p role="status" className="mt-2 text-sm">{disable.data.name} is now {disable.data.status.toLowerCase()}.</p>}
      </Card>
      <Dialog open={!!rejecting} onOpenChange={(o) => { if (!o) setRejecting(null) }}>
        {rejecting && (
          <DialogContent title={`Reject ${rejecting.name}`} description="The doctor is told this reason.">
            <form className="space-y-3" onSubmit={(e) => { e.preventDefault(); reject.mutate({ id: rejecting.id, reason: String(new FormData(e.currentTarget).get('reason') ?? '') }) }}>
              <Field label="Reason" name="reason" error={reject.error}><Textarea required maxLength={500} /></Field>
              <FieldErrors error={reject.error} />
              <Button type="submit" variant="destructive" disabled={reject.isPending}>Reject</Button>
            </form>
          </DialogContent>
        )}
      </Dialog>
    </>
  )
}
