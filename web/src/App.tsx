import { lazy, useEffect, type ReactNode } from 'react'
import { BrowserRouter, Navigate, Route, Routes } from 'react-router'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { UserManager } from 'oidc-client-ts'
import { AuthProvider, useAuth } from '@/auth/AuthContext'
import type { Role } from '@/auth/session'
import { ApiError } from '@/api/client'
import { ChatSocketProvider } from '@/lib/ChatSocketContext'
import { Layout } from '@/components/Layout'
import { Loading } from '@/components/states'
import { Home } from '@/pages/Home'
import { Callback } from '@/pages/Callback'

// Route-level code splitting: the first page loads only the shell; every page is its own chunk.
const SignUp = lazy(() => import('@/pages/SignUp'))
const Pending = lazy(() => import('@/pages/Pending'))
const Profile = lazy(() => import('@/pages/Profile'))
const FindDoctor = lazy(() => import('@/pages/patient/FindDoctor'))
const DoctorProfile = lazy(() => import('@/pages/patient/DoctorProfile'))
const Visits = lazy(() => import('@/pages/patient/Visits'))
const Chat = lazy(() => import('@/pages/Chat'))
const Journal = lazy(() => import('@/pages/patient/Journal'))
const Prescriptions = lazy(() => import('@/pages/patient/Prescriptions'))
const Photos = lazy(() => import('@/pages/patient/Photos'))
const Schedule = lazy(() => import('@/pages/doctor/Schedule'))
const HoursPage = lazy(() => import('@/pages/doctor/Hours'))
const TimeOffPage = lazy(() => import('@/pages/doctor/TimeOff'))
const Patients = lazy(() => import('@/pages/doctor/Patients'))
const PatientDetail = lazy(() => import('@/pages/doctor/PatientDetail'))
const Admin = lazy(() => import('@/pages/admin/Admin'))

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  })
}

function RequireRole({ role, children }: { role: Role | Role[]; children: ReactNode }) {
  const { user, roles, ready, login } = useAuth()
  const mustSignIn = ready && !user
  useEffect(() => {
    if (mustSignIn) login(window.location.pathname + window.location.search)
  }, [mustSignIn, login])
  if (!ready) return <Loading />
  if (!user) return <Loading label="Redirecting to sign in…" />
  const wanted = Array.isArray(role) ? role : [role]
  if (!wanted.some((r) => roles.includes(r))) return <Navigate to="/" replace />
  return <>{children}</>
}

export function AppRoutes() {
  const patient = (node: ReactNode) => <RequireRole role="patient">{node}</RequireRole>
  const doctor = (node: ReactNode) => <RequireRole role="doctor">{node}</RequireRole>
  return (
    <Routes>
      <Route path="/auth/callback" element={<Callback />} />
      <Route element={<Layout />}>
        <Route index element={<Home />} />
        <Route path="signup" element={<SignUp />} />
        <Route path="pending" element={<Pending />} />
        <Route path="profile" element={<RequireRole role={['patient', 'doctor', 'admin']}><Profile /></RequireRole>} />
        <Route path="doctors" element={patient(<FindDoctor />)} />
        <Route path="doctors/:doctorId" element={patient(<DoctorProfile />)} />
        <Route path="visits" element={patient(<Visits />)} />
        <Route path="chat" element={<RequireRole role={['patient', 'doctor']}><Chat /></RequireRole>} />
        <Route path="chat/:conversationId" element={<RequireRole role={['patient', 'doctor']}><Chat /></RequireRole>} />
        <Route path="journal" element={patient(<Journal />)} />
        <Route path="prescriptions" element={patient(<Prescriptions />)} />
        <Route path="photos" element={patient(<Photos />)} />
        <Route path="doctor/schedule" element={doctor(<Schedule />)} />
        <Route path="doctor/hours" element={doctor(<HoursPage />)} />
        <Route path="doctor/time-off" element={doctor(<TimeOffPage />)} />
        <Route path="doctor/patients" element={doctor(<Patients />)} />
        <Route path="doctor/patients/:patientId" element={doctor(<PatientDetail />)} />
        <Route path="admin" element={<RequireRole role="admin"><Admin /></RequireRole>} />
        <Route path="*" element={<p>This page does not exist. <a className="underline" href="/">Go to the start page</a>.</p>} />
      </Route>
    </Routes>
  )
}

export function App({ manager }: { manager: UserManager }) {
  return (
    <QueryClientProvider client={makeQueryClient()}>
      <AuthProvider manager={manager}>
        <ChatSocketProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </ChatSocketProvider>
      </AuthProvider>
    </QueryClientProvider>
  )
}
