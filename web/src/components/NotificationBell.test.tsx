import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockFetch, renderPage } from '@/test/render'
import { ChatSocketContext } from '@/lib/ChatSocketContext'
import type { ChatSocket, Frame } from '@/lib/chatSocket'
import { NotificationBell } from './NotificationBell'

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
})
