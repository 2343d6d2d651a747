import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { json, mockFetch, problem, renderPage } from '@/test/render'
import Schedule from '@/pages/doctor/Schedule'
import Admin from '@/pages/admin/Admin'
import HoursPage from '@/pages/doctor/Hours'
import { PrescriptionList } from '@/components/clinical/Prescriptions'
import { JournalView } from '@/components/clinical/JournalView'

afterEach(() => vi.unstubAllGlobals())

const now = new Date(Date.now() + 60e3).toISOString()
const visit = { id: 'a1', doctorId: 'doc-1', doctorName: 'Dr House', patientId: 'p1', patientName: 'Alice', start: now, end: now, visitType: 'IN_PERSON', status: 'booked', version: 1 }

describe('Doctor schedule', () => {
  it('runs a visit through check-in', async () => {
    const calls = mockFetch({
      'GET http://appt/api/v1/appointments': { items: [visit] },
      'POST http://appt/api/v1/appointments/a1/check-in': { ...visit, status: 'arrived' },
    })
    renderPage(<Schedule />, { roles: ['doctor'], sub: 'doc-1' })
    await userEvent.click(await screen.findByRole('button', { name: 'Check in' }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/a1/check-in'))).toBe(true))
  })

  it('shows why a no-show was refused', async () => {
    mockFetch({
      'GET http://appt/api/v1/appointments': { items: [visit] },
      'POST http://appt/api/v1/appointments/a1/no-show': () => problem(409, 'A visit can be marked a no-show once it should have begun'),
    })
    renderPage(<Schedule />, { roles: ['doctor'], sub: 'doc-1' })
    await userEvent.click(await screen.findByRole('button', { name: 'No-show' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('once it should have begun')
  })
})

describe('Working hours', () => {
  it('saves with the version read and reports a stale write in plain words', async () => {
    const calls = mockFetch({
      'GET http://appt/api/v1/doctors/doc-1/availability': { timeZone: 'Europe/Lisbon', weeklyHours: { MONDAY: [{ start: '09:00', end: '12:00' }] }, dateOverrides: [], slotMinutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 5, minimumNoticeMinutes: 120, horizonDays: 60, cancellationCutoffHours: 24, visitTypes: [{ type: 'IN_PERSON', minutes: 25 }], version: 3 },
      'PUT http://appt/api/v1/doctors/doc-1/availability': () => new Response(null, { status: 412 }),
    })
    renderPage(<HoursPage />, { roles: ['doctor'], sub: 'doc-1' })
    expect(await screen.findByLabelText('Monday from')).toHaveValue('09:00')
    await userEvent.click(screen.getByRole('button', { name: 'Save hours' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/Someone changed this while you were editing/)
    const put = calls.find((c) => c.method === 'PUT')
    expect(put?.headers['If-Match']).toBe('"3"')
  })
})

describe('Admin', () => {
  it('approves a pending doctor and rejects another with a reason', async () => {
    const calls = mockFetch({
      'GET http://auth/api/v1/admin/doctors': [
        { id: 'd9', role: 'doctor', status: 'PENDING', name: 'Dr Nine', email: 'nine@example.org', createdAt: now },
        { id: 'd8', role: 'doctor', status: 'PENDING', name: 'Dr Eight', email: 'eight@example.org', createdAt: now },
      ],
      'POST http://auth/api/v1/admin/doctors/d9/approve': { id: 'd9', status: 'ACTIVE', name: 'Dr Nine' },
      'POST http://auth/api/v1/admin/doctors/d8/reject': { id: 'd8', status: 'REJECTED', name: 'Dr Eight' },
    })
    renderPage(<Admin />, { roles: ['admin'], sub: 'admin-1' })
    await userEvent.click(await screen.findByRole('button', { name: 'Approve Dr Nine' }))
    await userEvent.click(screen.getByRole('button', { name: 'Reject Dr Eight' }))
    const dialog = await screen.findByRole('dialog')
    await userEvent.type(within(dialog).getByLabelText('Reason'), 'Licence number not found')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reject' }))
    await waitFor(() => expect(calls.find((c) => c.url.endsWith('/d8/reject'))?.body).toEqual({ reason: 'Licence number not found' }))
    expect(calls.some((c) => c.url.endsWith('/d9/approve'))).toBe(true)
  })
})

describe('Clinical records', () => {
  it('lists prescriptions with their items', async () => {
    mockFetch({ 'GET http://notes/api/v1/patients/p1/prescriptions': { items: [{ id: 'rx1', patientId: 'p1', doctorId: 'doc-1', doctorName: 'Dr House', status: 'active', statusReason: null, items: [{ medication: 'Amoxicillin', strength: '500 mg', form: 'capsule', dosageInstructions: 'every 8 h', quantity: 21, refills: 0 }], validUntil: '2026-12-31', note: null, issuedAt: now, statusChangedAt: null, verificationCode: 'ABCD-EFGH-JKLM' }], nextCursor: null } })
    renderPage(<PrescriptionList patientId="p1" />)
    expect(await screen.findByRole('heading', { name: 'Amoxicillin' })).toBeInTheDocument()
    expect(screen.getByText(/every 8 h/)).toBeInTheDocument()
    expect(screen.getByText('ABCD-EFGH-JKLM')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /PDF/ })).toBeInTheDocument()
  })

  it('shows a journal with replies under their note and writes a shared entry', async () => {
    const calls = mockFetch({
      'GET http://notes/api/v1/patients/p1/notes': { items: [
        { id: 'n2', patientId: 'p1', authorId: 'doc-1', authorRole: 'doctor', title: 'Re: cough', body: 'Drink water', tags: [], mediaIds: [], visibility: 'shared', inReplyTo: 'n1', createdAt: now, version: 1 },
        { id: 'n1', patientId: 'p1', authorId: 'p1', authorRole: 'patient', title: 'Cough', body: 'Since Monday', tags: ['cough'], mediaIds: [], visibility: 'shared', createdAt: now, version: 1 },
      ] },
      'POST http://notes/api/v1/patients/p1/notes': () => json({ id: 'n3' }, 201),
    })
    renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
    expect(await screen.findByRole('heading', { name: 'Cough' })).toBeInTheDocument()
    expect(screen.getByText('#cough')).toBeInTheDocument()
    expect(screen.getByText('Drink water')).toBeInTheDocument()
    await userEvent.type(screen.getByLabelText('Title'), 'Fever')
    await userEvent.type(screen.getByLabelText('Text'), '38.5 tonight')
    await userEvent.click(screen.getByRole('button', { name: 'Add to journal' }))
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ title: 'Fever', body: '38.5 tonight', visibility: 'shared' }))
  })

  it('says the journal is not reachable when the service refuses', async () => {
    mockFetch({ 'GET http://notes/api/v1/patients/p1/notes': () => problem(404, 'Patient p1 was not found') })
    renderPage(<JournalView patientId="p1" />, { sub: 'doc-2', roles: ['doctor'] })
    expect(await screen.findByRole('alert')).toHaveTextContent('Patient p1 was not found')
  })
})
