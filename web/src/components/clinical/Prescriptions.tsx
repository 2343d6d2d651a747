import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Download, Plus } from 'lucide-react'
import { api } from '@/api/client'
import type { Page, Prescription } from '@/api/types'
import { Button } from '@/components/ui/button'
import { Badge, Card } from '@/components/ui/card'
import { Input, Textarea } from '@/components/ui/input'
import { Field } from '@/components/form'
import { Empty, ErrorState, FieldErrors, Loading } from '@/components/states'
import { formatDateTime } from '@/lib/time'

export function PrescriptionList({ patientId }: { patientId: string }) {
  const [downloadError, setDownloadError] = useState<unknown>()
  const list = useQuery({
    queryKey: ['prescriptions', patientId],
    queryFn: () => api.get<Page<Prescription>>('notes', `/api/v1/patients/${patientId}/prescriptions?limit=50`),
  })
  if (list.isPending) return <Loading />
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />
  const items = list.data.items
  if (items.length === 0) return <Empty>No prescription yet.</Empty>
  return (
    <>
      <h2 className="sr-only">Prescriptions</h2>
      {downloadError ? <FieldErrors error={downloadError} /> : null}
      <ul className="space-y-3" aria-label="Prescriptions">
        {items.map((p) => (
          <li key={p.id}>
            <Card className="p-3">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold">{p.items.map((i) => i.medication).join(', ')}</h3>
                <Badge className={p.status === 'active' ? 'bg-teal-100 text-teal-900' : 'bg-slate-200'}>{p.status}</Badge>
                <Button size="sm" variant="outline" className="ml-auto" onClick={() => api.download('notes', `/api/v1/prescriptions/${p.id}/pdf`, `prescription-${p.id}.pdf`).catch(setDownloadError)}>
                  <Download aria-hidden /> PDF
                </Button>
              </div>
              <p className="text-xs text-slate-700">{p.doctorName ?? 'Your doctor'} · {formatDateTime(p.issuedAt)} · valid until {p.validUntil} · code <span className="font-mono">{p.verificationCode}</span></p>
              {p.statusReason && <p className="text-xs text-slate-700">{p.statusReason}</p>}
              <ul className="mt-2 list-disc pl-5 text-sm">
                {p.items.map((i, k) => <li key={k}>{i.medication} {i.strength} {i.form} — {i.dosageInstructions} (×{i.quantity}{i.refills ? `, ${i.refills} refills` : ''})</li>)}
              </ul>
              {p.note && <p className="mt-1 text-sm text-slate-800">{p.note}</p>}
            </Card>
          </li>
        ))}
      </ul>
    </>
  )
}

export function PrescriptionForm({ patientId }: { patientId: string }) {
  const client = useQueryClient()
  const issue = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Prescription>('notes', `/api/v1/patients/${patientId}/prescriptions`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['prescriptions', patientId] }),
  })
  return (
    <form className="space-y-3" onSubmit={(e) => {
      e.preventDefault()
      const f = new FormData(e.currentTarget)
      const text = (k: string) => String(f.get(k) ?? '').trim() || undefined
      issue.mutate({
        items: [{ medication: text('medication'), strength: text('strength'), form: text('form'), dosageInstructions: text('dosageInstructions'), quantity: Number(text('quantity')), refills: text('refills') ? Number(text('refills')) : 0 }],
        validUntil: text('validUntil'), note: text('note'),
      })
    }}>
      <Field label="Medication" name="medication" error={issue.error}><Input required maxLength={200} /></Field>
      <div className="grid grid-cols-2 gap-2">
        <Field label="Strength" name="strength" error={issue.error}><Input required maxLength={100} placeholder="500 mg" /></Field>
        <Field label="Form" name="form" error={issue.error}><Input required maxLength={100} placeholder="tablet" /></Field>
        <Field label="Quantity" name="quantity" error={issue.error}><Input required type="number" min="1" max="10000" /></Field>
        <Field label="Refills" name="refills" error={issue.error}><Input type="number" min="0" max="12" defaultValue="0" /></Field>
      </div>
      <Field label="Dosage instructions" name="dosageInstructions" error={issue.error}><Input required maxLength={1000} /></Field>
      <Field label="Valid until" name="validUntil" error={issue.error}><Input type="date" required /></Field>
      <Field label="Note" name="note" error={issue.error}><Textarea maxLength={2000} /></Field>
      <FieldErrors error={issue.error} />
      {issue.isSuccess && <p role="status" className="text-sm text-teal-800">Prescription issued.</p>}
      <Button type="submit" disabled={issue.isPending}><Plus aria-hidden /> Issue prescription</Button>
    </form>
  )
}
