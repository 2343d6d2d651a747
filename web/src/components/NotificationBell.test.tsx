import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockFetch, renderPage } from '@/test/render'
import { ChatSocketContext } from '@/lib/ChatSocketContext'
import type { ChatSocket, Frame } from '@/lib/chatSocket'
import { Route, Routes } from 'react-router'
import { NotificationBell, notificationTarget } from './NotificationBell'

afterEach(() => vi.unstubAllGlobals())

/** Just enough of a ChatSocket: the test pushes frames to whoever subscribed. */
function fakeSocket() {
  const listeners = new Set<(f: Frame) => void>()
  const socket = { subscribe: (l: (f: Frame) => void) => { listeners.add(l); return () => listeners.delete(l) } }
  return { socket: socket as unknown as ChatSocket, push: (f: Frame) => listeners.forEach((l) => l(f)) }
}

const note = { id: 'n1', kind: 'note.shared', title: 'New note from Dr House', body: 'Your doctor shared a note', createdAt: new Date().toISOString(), read: false }

describe('Notification bell', () => {
  it('shows the unread count, lists notifications and updates live when a notification frame arrives', async () => {
    let page = { items: [] as unknown[], unreadCount: 0 }
    mockFetch({ 'GET http://chat/api/v1/notifications': () => new Response(JSON.stringify(page), { headers: { 'content-type': 'application/json' } }) })
    const { socket, push } = fakeSocket()
    renderPage(<ChatSocketContext.Provider value={socket}><NotificationBell /></ChatSocketContext.Provider>)
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument()

    page = { items: [note], unreadCount: 1 }
    act(() => push({ type: 'notification', notification: note }))
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' })
    await userEvent.click(bell)
    expect(await screen.findByText('New note from Dr House')).toBeInTheDocument()
  })

  it('marks everything read', async () => {
    const calls = mockFetch({
      'GET http://chat/api/v1/notifications': { items: [note], unreadCount: 1 },
      'POST http://chat/api/v1/notifications/read-all': { marked: 1 },
    })
    renderPage(<NotificationBell />)
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Mark all read' }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/read-all'))).toBe(true))
  })

  it('opens a notification: marks it read and shows what it is about', async () => {
    const rx = { id: 'n2', kind: 'prescription.issued', title: 'New prescription', body: 'Dr House issued a prescription for you.', data: { prescriptionId: 'rx1' }, createdAt: new Date().toISOString(), read: false }
    const calls = mockFetch({
      'GET http://chat/api/v1/notifications': { items: [rx, note], unreadCount: 2 },
      'POST http://chat/api/v1/notifications/n2/read': { ...rx, read: true },
    })
    renderPage(<><NotificationBell roles={['patient']} /><Routes><Route path="/prescriptions" element={<p>prescriptions page</p>} /></Routes></>, { path: '/*' })
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 2 unread' }))
    await userEvent.click(await screen.findByRole('button', { name: /New prescription \(unread\)/ }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === 'http://chat/api/v1/notifications/n2/read')).toBe(true))
    expect(await screen.findByText('prescriptions page')).toBeInTheDocument()
  })

  it('leads each kind to its page, by role', () => {
    const base = { ...note, data: {} as Record<string, string> }
    expect(notificationTarget({ ...base, data: { noteId: 'x' } }, ['patient'])).toBe('/journal')
    expect(notificationTarget({ ...base, data: { noteId: 'x', patientId: 'p1' } }, ['doctor'])).toBe('/doctor/patients/p1')
    expect(notificationTarget({ ...base, data: { prescriptionId: 'x' } }, ['patient'])).toBe('/prescriptions')
    expect(notificationTarget({ ...base, data: { appointmentId: 'x' } }, ['doctor'])).toBe('/doctor/schedule')
    expect(notificationTarget({ ...base, data: { appointmentId: 'x' } }, ['patient'])).toBe('/visits')
    expect(notificationTarget(base, ['patient'])).toBeUndefined()
  })
})
