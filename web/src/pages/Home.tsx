import { useEffect } from 'react'
import { Link, Navigate } from 'react-router'
import { useQuery } from '@tanstack/react-query'
import { CalendarCheck, MessageCircle, NotebookPen } from 'lucide-react'
import { useAuth } from '@/auth/AuthContext'
import { api } from '@/api/client'
import type { Profile } from '@/api/types'
import { Button } from '@/components/ui/button'
import { ErrorState, Loading } from '@/components/states'

/** Signed out: what Consulta is. Signed in: the start page of one's role (or the pending-approval page). */
export function Home() {
  const { user, roles, ready, login } = useAuth()
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.get<Profile>('auth', '/api/v1/me'), enabled: !!user })
  if (!ready) return <Loading />
  if (!user) return <Landing login={login} />
  if (me.isPending) return <Loading />
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />
  if (me.data.status !== 'ACTIVE') return <Navigate to="/pending" replace />
  if (roles.includes('admin')) return <Navigate to="/admin" replace />
  if (roles.includes('doctor')) return <Navigate to="/doctor/schedule" replace />
  if (roles.includes('patient')) return <Navigate to="/doctors" replace />
  return <Navigate to="/pending" replace />
}

function Landing({ login }: { login: (returnTo?: string) => Promise<void> }) {
  // The browser tests read this mark as "the first page is interactive".
  useEffect(() => { performance.mark('consulta-interactive') }, [])
  return (
      <section className="mx-auto max-w-3xl py-8 text-center">
        <h1 className="text-3xl font-bold text-slate-900 sm:text-4xl">Your doctor, a few clicks away</h1>
        <p className="mt-3 text-slate-700">Find a doctor, book a real free time, talk to them and keep your medical journal in one place.</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Button size="lg" onClick={() => login('/')}>Sign in</Button>
          <Button size="lg" variant="outline" asChild><Link to="/signup">Create an account</Link></Button>
        </div>
        <ul className="mt-10 grid gap-4 text-left sm:grid-cols-3">
          {[[CalendarCheck, 'Book', 'See free times in your own time zone and book in two steps.'],
            [MessageCircle, 'Chat', 'Talk to your doctor live, send photos of symptoms.'],
            [NotebookPen, 'Journal', 'Notes and prescriptions shared with your doctors.']].map(([Icon, title, text]) => {
            const I = Icon as typeof CalendarCheck
            return (
              <li key={title as string} className="rounded-lg border border-slate-200 bg-white p-4">
                <I className="size-5 text-teal-700" aria-hidden />
                <h2 className="mt-2 font-semibold">{title as string}</h2>
                <p className="text-sm text-slate-700">{text as string}</p>
              </li>
            )
          })}
        </ul>
      </section>
  )
}
