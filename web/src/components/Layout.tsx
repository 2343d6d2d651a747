import { NavLink, Outlet, Link } from 'react-router'
import { Suspense, useState } from 'react'
import { LogOut, Menu, Stethoscope, X } from 'lucide-react'
import * as DialogPrimitive from '@radix-ui/react-dialog'
import { useAuth } from '@/auth/AuthContext'
import type { Role } from '@/auth/session'
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

type Links = readonly (readonly [string, string])[]

function linksFor(roles: Role[]): Links {
  return roles.includes('admin') ? NAV.admin : roles.includes('doctor') ? NAV.doctor : roles.includes('patient') ? NAV.patient : []
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 ${isActive ? 'bg-teal-700 text-white' : 'text-slate-800 hover:bg-slate-100'}`

/** Wide screens: the links in a row under the header. Hidden below md, where they would not fit. */
function WideNav({ links }: { links: Links }) {
  return (
    <nav aria-label="Main" className="mx-auto hidden max-w-6xl px-3 sm:px-4 md:block">
      <ul className="flex flex-wrap gap-1 pb-2">
        {links.map(([to, label]) => <li key={to}><NavLink to={to} className={linkClass}>{label}</NavLink></li>)}
      </ul>
    </nav>
  )
}

/**
 * Narrow screens: a Menu button opening a sheet with the links. Radix's dialog traps focus inside, closes on Escape
 * and gives focus back to the button; choosing a link closes it.
 */
export function MenuSheet({ links }: { links: Links }) {
  const [open, setOpen] = useState(false)
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger asChild>
        <Button variant="ghost" size="sm" className="md:hidden"><Menu aria-hidden /><span className="sr-only sm:not-sr-only">Menu</span></Button>
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <DialogPrimitive.Content className="fixed inset-y-0 right-0 z-50 w-72 max-w-[85vw] overflow-y-auto bg-white p-4 shadow-lg focus:outline-none">
          <DialogPrimitive.Title className="text-lg font-semibold text-slate-900">Menu</DialogPrimitive.Title>
          <DialogPrimitive.Description className="sr-only">Pages of Consulta</DialogPrimitive.Description>
          <nav aria-label="Main" className="mt-3">
            <ul className="flex flex-col gap-1">
              {links.map(([to, label]) => (
                <li key={to}><NavLink to={to} className={linkClass} onClick={() => setOpen(false)}>{label}</NavLink></li>
              ))}
            </ul>
          </nav>
          <DialogPrimitive.Close className="absolute right-3 top-3 rounded p-1 text-slate-700 hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-700" aria-label="Close menu">
            <X className="size-4" />
          </DialogPrimitive.Close>
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  )
}

export function Layout() {
  const { user, roles, login, logout } = useAuth()
  const links = linksFor(roles)
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">Skip to content</a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-2 sm:gap-3 sm:px-4">
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
            {links.length > 0 && <MenuSheet links={links} />}
          </div>
        </div>
        {links.length > 0 && <WideNav links={links} />}
      </header>
      <main id="main" className="mx-auto max-w-6xl px-3 py-5 sm:px-4">
        <Suspense fallback={<Loading />}><Outlet /></Suspense>
      </main>
    </div>
  )
}
