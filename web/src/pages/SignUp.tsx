import { useState, type FormEvent } from 'react'
import { useMutation } from '@tanstack/react-query'
import { useAuth } from '@/auth/AuthContext'
import { api } from '@/api/client'
import type { Profile } from '@/api/types'
import { Button } from '@/components/ui/button'
import { Input, Textarea } from '@/components/ui/input'
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card'
import { Field } from '@/components/form'
import { FieldErrors } from '@/components/states'

/** Sign-up goes through auth-service (it creates the Keycloak user); then the person signs in on Keycloak. */
export default function SignUp() {
  const { login } = useAuth()
  const [role, setRole] = useState<'patient' | 'doctor'>('patient')
  const signUp = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Profile>('auth', '/api/v1/registrations', body),
  })
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const f = new FormData(event.currentTarget)
    const text = (k: string) => (String(f.get(k) ?? '').trim() || undefined)
    const body: Record<string, unknown> = {
      role, email: text('email'), password: String(f.get('password') ?? ''), name: text('name'), phone: text('phone'),
    }
    if (role === 'patient') body.dateOfBirth = text('dateOfBirth')
    else Object.assign(body, {
      specialty: text('specialty'), licenceNumber: text('licenceNumber'), clinicAddress: text('clinicAddress'), bio: text('bio'),
      languages: (text('languages') ?? '').split(',').map((l) => l.trim()).filter(Boolean),
      consultationFee: text('consultationFee') ? Number(text('consultationFee')) : undefined,
    })
    signUp.mutate(body)
  }
  if (signUp.isSuccess) {
    return (
      <Card className="mx-auto max-w-lg">
        <CardHeader><CardTitle>Welcome to Consulta, {signUp.data.name}</CardTitle></CardHeader>
        <CardContent className="space-y-3 text-sm">
          <p>{signUp.data.status === 'PENDING' ? 'Your doctor account was created. An administrator will review it; you can sign in to see its status.' : 'Your account is ready. Sign in to find a doctor.'}</p>
          <Button onClick={() => login('/')}>Sign in</Button>
        </CardContent>
      </Card>
    )
  }
  const error = signUp.error
  return (
    <Card className="mx-auto max-w-lg">
      <CardHeader><h1 className="text-2xl font-semibold">Create your account</h1></CardHeader>
      <CardContent>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <fieldset className="flex gap-4">
            <legend className="mb-1 text-sm font-medium text-slate-800">I am a</legend>
            {(['patient', 'doctor'] as const).map((r) => (
              <label key={r} className="flex items-center gap-2 text-sm">
                <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} className="size-4 accent-teal-700" /> {r === 'patient' ? 'Patient' : 'Doctor'}
              </label>
            ))}
          </fieldset>
          <Field label="Full name" name="name" error={error}><Input required autoComplete="name" /></Field>
          <Field label="E-mail" name="email" error={error}><Input type="email" required autoComplete="email" /></Field>
          <Field label="Password" name="password" error={error} hint="At least 10 characters, with upper- and lower-case letters and a digit; not your e-mail."><Input type="password" required autoComplete="new-password" /></Field>
          <Field label="Phone (optional)" name="phone" error={error}><Input type="tel" autoComplete="tel" /></Field>
          {role === 'patient' ? (
            <Field label="Date of birth" name="dateOfBirth" error={error}><Input type="date" required autoComplete="bday" /></Field>
          ) : (
            <>
              <Field label="Specialty" name="specialty" error={error}><Input required /></Field>
              <Field label="Licence number" name="licenceNumber" error={error}><Input required /></Field>
              <Field label="Languages" name="languages" error={error} hint="Comma-separated, e.g. en, pt"><Input required /></Field>
              <Field label="Clinic address" name="clinicAddress" error={error}><Input required /></Field>
              <Field label="Consultation fee (EUR)" name="consultationFee" error={error}><Input type="number" min="0" step="0.01" required /></Field>
              <Field label="About you (optional)" name="bio" error={error}><Textarea /></Field>
            </>
          )}
          <FieldErrors error={error} />
          <Button type="submit" disabled={signUp.isPending}>{signUp.isPending ? 'Creating…' : 'Create account'}</Button>
        </form>
      </CardContent>
    </Card>
  )
}
