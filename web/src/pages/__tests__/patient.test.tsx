import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { json, mockFetch, problem, renderPage } from '@/test/render'
import FindDoctor from '@/pages/patient/FindDoctor'
import Visits from '@/pages/patient/Visits'
import DoctorProfile from '@/pages/patient/DoctorProfile'
import SignUp from '@/pages/SignUp'

afterEach(() => vi.unstubAllGlobals())

const HOUSE = { id: 'd1', name: 'Dr Gregory House', specialty: 'Internal medicine', languages: ['en'], clinicAddress: 'Rua 1, Lisboa', consultationFee: 80 }

describe('Find a doctor', () => {
  it('lists doctors with specialty, languages, address and fee, and searches with the filters', async () => {
    const calls = mockFetch({ 'GET http://auth/api/v1/doctors': { items: [HOUSE] } })
    renderPage(<FindDoctor />)
    expect(await screen.findByRole('link', { name: 'Dr Gregory House' })).toHaveAttribute('href', '/doctors/d1')
    expect(screen.getByText('Internal medicine')).toBeInTheDocument()
    expect(screen.getByText('Rua 1, Lisboa')).toBeInTheDocument()
    expect(screen.getByText(/80/)).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Language'), 'pt')
    await userEvent.click(screen.getByRole('button', { name: /search/i }))
    await waitFor(() => expect(calls.some((c) => c.url.includes('language=pt'))).toBe(true))
  })

  it('says so when nobody matches', async () => {
    mockFetch({ 'GET http://auth/api/v1/doctors': { items: [] } })
    renderPage(<FindDoctor />)
    expect(await screen.findByText(/No doctor matches/)).toBeInTheDocument()
  })

  it('shows the problem detail when the search is refused', async () => {
    mockFetch({ 'GET http://auth/api/v1/doctors': () => problem(400, 'cursor is not a cursor this API returned') })
    renderPage(<FindDoctor />)
    expect(await screen.findByRole('alert')).toHaveTextContent('cursor is not a cursor this API returned')
  })
})

describe('Booking', () => {
  it('holds the picked slot, then books it with the hold', async () => {
    const start = new Date(Date.now() + 2 * 864e5)
    start.setMinutes(0, 0, 0)
    const slot = { start: start.toISOString(), end: new Date(start.getTime() + 30 * 60e3).toISOString(), localStart: start.toISOString().replace('Z', '+00:00') }
    const calls = mockFetch({
      'GET http://auth/api/v1/doctors/d1': HOUSE,
      'GET http://appt/api/v1/doctors/d1/slots': { doctorId: 'd1', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, visitType: 'IN_PERSON', slots: [slot] },
      'POST http://appt/api/v1/holds': () => json({ id: 'h1', doctorId: 'd1', start: slot.start, end: slot.end, visitType: 'IN_PERSON', expiresAt: new Date(Date.now() + 300e3).toISOString() }, 201),
      'POST http://appt/api/v1/appointments': () => json({ id: 'a1' }, 201),
    })
    renderPage(<DoctorProfile />, { path: '/doctors/:doctorId', route: '/doctors/d1' })
    let pick = await screen.findAllByRole('button', { name: /^Book / }).catch(() => [])
    if (pick.length === 0) {
      await userEvent.click(screen.getByRole('button', { name: 'Next week' }))
      pick = await screen.findAllByRole('button', { name: /^Book / })
    }
    await userEvent.click(pick[0])
    const dialog = await screen.findByRole('dialog')
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'Cough')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Book this time' }))
    await waitFor(() => expect(screen.getByText('elsewhere')).toBeInTheDocument())
    const booking = calls.find((c) => c.method === 'POST' && c.url.endsWith('/api/v1/appointments'))
    expect(booking?.body).toMatchObject({ doctorId: 'd1', start: slot.start, holdId: 'h1', reason: 'Cough', visitType: 'IN_PERSON' })
    expect(booking?.headers['Idempotency-Key']).toBe('h1')
  })

  it('explains a slot that was taken meanwhile', async () => {
    mockFetch({
      'GET http://auth/api/v1/doctors/d1': HOUSE,
      'GET http://appt/api/v1/doctors/d1/slots': { doctorId: 'd1', timeZone: 'UTC', visitType: 'IN_PERSON', slots: [] },
    })
    renderPage(<DoctorProfile />, { path: '/doctors/:doctorId', route: '/doctors/d1' })
    expect(await screen.findByText(/No free time this week/)).toBeInTheDocument()
  })
})

describe('Visits', () => {
  const future = new Date(Date.now() + 3600e3 * 5).toISOString()
  const visit = { id: 'a1', doctorId: 'd1', doctorName: 'Dr Gregory House', patientId: 'patient-1', patientName: 'Alice', start: future, end: future, visitType: 'IN_PERSON', status: 'booked', version: 1 }

  it('shows the cut-off explanation the service gives when a cancel is too late', async () => {
    mockFetch({
      'GET http://appt/api/v1/appointments': { items: [visit] },
      'POST http://appt/api/v1/appointments/a1/cancel': () => problem(409, 'Visits can be cancelled by the patient up to 24 hours before they start; please contact the practice'),
    })
    renderPage(<Visits />)
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveTextContent(/cut-off/)
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel visit' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('up to 24 hours before they start')
  })

  it('cancels with the reason given', async () => {
    const calls = mockFetch({
      'GET http://appt/api/v1/appointments': { items: [visit] },
      'POST http://appt/api/v1/appointments/a1/cancel': { ...visit, status: 'cancelled' },
    })
    renderPage(<Visits />)
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }))
    await userEvent.type(within(await screen.findByRole('dialog')).getByLabelText(/Reason/), 'Feeling better')
    await userEvent.click(screen.getByRole('button', { name: 'Cancel visit' }))
    await waitFor(() => expect(calls.find((c) => c.url.endsWith('/cancel'))?.body).toEqual({ reason: 'Feeling better' }))
  })

  it('has an empty state with a way forward', async () => {
    mockFetch({ 'GET http://appt/api/v1/appointments': { items: [] } })
    renderPage(<Visits />)
    expect(await screen.findByText(/No upcoming visit/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Find a doctor' })).toBeInTheDocument()
  })
})

describe('Sign-up', () => {
  it('puts the service field errors next to their fields', async () => {
    mockFetch({ 'POST http://auth/api/v1/registrations': () => problem(400, 'The request has invalid fields', [{ field: 'password', message: 'must contain a digit' }]) })
    renderPage(<SignUp />)
    await userEvent.type(screen.getByLabelText('Full name'), 'Carol Patient')
    await userEvent.type(screen.getByLabelText('E-mail'), 'carol@example.org')
    await userEvent.type(screen.getByLabelText('Password'), 'Password-without')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByText('Password must contain a digit')).toBeInTheDocument()
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true')
  })

  it('asks doctors for their licence and tells them approval comes next', async () => {
    const calls = mockFetch({ 'POST http://auth/api/v1/registrations': () => json({ id: 'x', name: 'Dr New', status: 'PENDING' }, 201) })
    renderPage(<SignUp />)
    await userEvent.click(screen.getByLabelText('Doctor'))
    await userEvent.type(screen.getByLabelText('Full name'), 'Dr New')
    await userEvent.type(screen.getByLabelText('Licence number'), 'PT-1234')
    await userEvent.type(screen.getByLabelText('Languages'), 'en, pt')
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByText(/An administrator will review it/)).toBeInTheDocument()
    expect(calls[0].body).toMatchObject({ role: 'doctor', licenceNumber: 'PT-1234', languages: ['en', 'pt'] })
  })
})
