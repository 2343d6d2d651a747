import { useQuery } from '@tanstack/react-query'
import { Hourglass } from 'lucide-react'
import { useAuth } from '@/auth/AuthContext'
import { api } from '@/api/client'
import type { Profile } from '@/api/types'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { Button } from '@/components/ui/button'
import { ErrorState, Loading } from '@/components/states'

/** A doctor whose account an admin has not approved yet (or rejected, or disabled). */
export default function Pending() {
  const { user, login, logout } = useAuth()
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.get<Profile>('auth', '/api/v1/me'), enabled: !!user })
  if (!user) return <Button onClick={() => login('/pending')}>Sign in</Button>
  if (me.isPending) return <Loading />
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />
  const status = me.data.status
  return (
    <Card className="mx-auto max-w-xl">
      <CardHeader>
        <Hourglass className="size-6 text-teal-700" aria-hidden />
        <h1 className="text-xl font-semibold text-slate-900">{status === 'PENDING' ? 'Your account is waiting for approval'
          : status === 'REJECTED' ? 'Your application was not approved'
            : status === 'DISABLED' ? 'Your account is disabled' : 'Your account is active'}</h1>
      </CardHeader>
      <CardContent className="space-y-3 text-sm text-slate-800">
        {status === 'PENDING' && <p>Thank you for signing up, {me.data.name}. An administrator checks every doctor's licence before patients can book them. You will be able to use Consulta as soon as your account is approved; sign in again then.</p>}
        {status === 'REJECTED' && <p>Reason given: {me.data.rejectionReason ?? 'none'}.</p>}
        {status === 'ACTIVE' && <p>Sign out and in again to start.</p>}
        <Button variant="outline" onClick={() => me.refetch()}>Check again</Button>{' '}
        <Button variant="ghost" onClick={() => logout()}>Sign out</Button>
      </CardContent>
    </Card>
  )
}
