import { type FormEvent } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '@/api/client'
import type { Profile as ProfileData } from '@/api/types'
import { Button } from '@/components/ui/button'
import { Input, Textarea } from '@/components/ui/input'
import { Card, CardContent } from '@/components/ui/card'
import { Field } from '@/components/form'
import { ErrorState, FieldErrors, Loading, PageTitle } from '@/components/states'

export default function Profile() {
  const client = useQueryClient()
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.get<ProfileData>('auth', '/api/v1/me') })
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.put<ProfileData>('auth', '/api/v1/me', body),
    onSuccess: (data) => client.setQueryData(['me'], data),
  })
  if (me.isPending) return <Loading />
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />
  const p = me.data
  const doctor = p.role === 'doctor'
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const f = new FormData(event.currentTarget)
    const text = (k: string) => (String(f.get(k) ?? '').trim() || undefined)
    save.mutate({
      version: p.version, name: text('name'), phone: text('phone'),
      ...(doctor ? {
        specialty: text('specialty'), bio: text('bio'), clinicAddress: text('clinicAddress'),
        languages: (text('languages') ?? '').split(',').map((l) => l.trim()).filter(Boolean),
        consultationFee: text('consultationFee') ? Number(text('consultationFee')) : undefined,
      } : p.role === 'patient' ? { dateOfBirth: text('dateOfBirth') } : {}),
    })
  }
  return (
    <>
      <PageTitle>Your profile</PageTitle>
      <Card className="max-w-xl">
        <CardContent className="pt-5">
          <p className="mb-4 text-sm text-slate-700">{p.email} · {p.role}</p>
          <form key={p.version} onSubmit={submit} className="space-y-4">
            <Field label="Full name" name="name" error={save.error}><Input defaultValue={p.name} required /></Field>
            <Field label="Phone" name="phone" error={save.error}><Input type="tel" defaultValue={p.phone ?? ''} /></Field>
            {p.role === 'patient' && <Field label="Date of birth" name="dateOfBirth" error={save.error}><Input type="date" defaultValue={p.dateOfBirth ?? ''} /></Field>}
            {doctor && (
              <>
                <Field label="Specialty" name="specialty" error={save.error}><Input defaultValue={p.specialty ?? ''} /></Field>
                <Field label="Languages" name="languages" error={save.error} hint="Comma-separated"><Input defaultValue={(p.languages ?? []).join(', ')} /></Field>
                <Field label="Clinic address" name="clinicAddress" error={save.error}><Input defaultValue={p.clinicAddress ?? ''} /></Field>
                <Field label="Consultation fee (EUR)" name="consultationFee" error={save.error}><Input type="number" min="0" step="0.01" defaultValue={p.consultationFee ?? ''} /></Field>
                <Field label="About you" name="bio" error={save.error}><Textarea defaultValue={p.bio ?? ''} /></Field>
              </>
            )}
            <FieldErrors error={save.error} />
            {save.isSuccess && <p role="status" className="text-sm text-teal-800">Saved.</p>}
            <Button type="submit" disabled={save.isPending}>Save</Button>
          </form>
        </CardContent>
      </Card>
    </>
  )
}
