import { NavLink, Outlet, Link } from 'react-router'
import { LogOut, Stethoscope } from 'lucide-react'
import { Suspense } from 'react'
import { useAuth } from '@/auth/AuthContext'
import { NotificationBell } from './NotificationBell'
import { Button } from './ui/button'
import { Loading } from './states'

const NAV = {
  patient: [
    ['/doctors', 'Find a doctor'], ['/visits', 'Visits'], ['/chat', 'Chat'], ['/journal', 'Journal'],
    ['/prescriptions', 'Prescriptions'], ['/photos', 'Photos'], ['/profile', 'Profile'],
  ],
  doctor: [
    ['/doctor/schedule', 'Schedule'], ['/doctor/patients', 'Patients'], ['/chat', 'Chat'], ['/doctor/hours', 'Hours'],
    ['/doctor/time-off', 'Time off'], ['/profile', 'Profile'],
  ],
  admin: [['/admin', 'Accounts']],
} as const

export function Layout() {
  const { user, roles, login, logout } = useAuth()
  const links = roles.includes('admin') ? NAV.admin : roles.includes('doctor') ? NAV.doctor : roles.includes('patient') ? NAV.patient : []
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">Skip to content</a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-3 px-3 py-2 sm:px-4">
          <Link to="/" className="flex items-center gap-2 rounded font-semibold text-teal-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-700">
            <Stethoscope className="size-5" aria-hidden /> Consulta
          </Link>
          <div className="ml-auto flex items-center gap-1">
            {user && (roles.includes('patient') || roles.includes('doctor')) && <NotificationBell roles={roles} />}
            {user ? (
              <Button variant="ghost" size="sm" onClick={() => logout()}><LogOut aria-hidden /> Sign out</Button>
            ) : (
              <>
                <Button variant="ghost" size="sm" asChild><Link to="/signup">Sign up</Link></Button>
                <Button size="sm" onClick={() => login('/')}>Sign in</Button>
              </>
            )}
          </div>
        </div>
        {links.length > 0 && (
          <nav aria-label="Main" className="mx-auto max-w-6xl overflow-x-auto px-3 sm:px-4">
            <ul className="flex gap-1 pb-2">
              {links.map(([to, label]) => (
                <li key={to}>
                  <NavLink to={to} className={({ isActive }) => `block whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 ${isActive ? 'bg-teal-700 text-white' : 'text-slate-800 hover:bg-slate-100'}`}>{label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="mx-auto max-w-6xl px-3 py-5 sm:px-4">
        <Suspense fallback={<Loading />}><Outlet /></Suspense>
      </main>
    </div>
  )
}
