import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { mockFetch, renderPage } from '@/test/render'
import { FakeUpload, photo } from '@/test/fakeUpload'
import { ChatSocketContext } from '@/lib/ChatSocketContext'
import type { ChatSocket, Frame } from '@/lib/chatSocket'
import Chat from './Chat'

afterEach(() => vi.unstubAllGlobals())

const conversation = { id: 'c1', patientId: 'p1', doctorId: 'd1', counterpartId: 'd1', lastSeq: 0, unreadCount: 0, readSeq: 0, counterpartReadSeq: 0, counterpartOnline: true, lastActivityAt: new Date().toISOString() }

/** A chat socket that records what the page sends; the test answers with server frames. */
function fakeSocket() {
  const listeners = new Set<(f: Frame) => void>()
  const sent: Frame[] = []
  const socket = {
    status: 'open',
    subscribe: (l: (f: Frame) => void) => { listeners.add(l); return () => listeners.delete(l) },
    track: () => () => undefined,
    send: (f: Frame) => { sent.push(f) },
  }
  return { socket: socket as unknown as ChatSocket, sent, push: (f: Frame) => act(() => listeners.forEach((l) => l(f))) }
}

async function sendPhoto() {
  mockFetch({
    'GET http://chat/api/v1/conversations': { items: [conversation], nextCursor: null },
    'GET http://chat/api/v1/conversations/c1/messages': { items: [], nextCursor: null },
    'GET http://appt/api/v1/appointments': { items: [{ id: 'a1', doctorId: 'd1', doctorName: 'Dr House', patientId: 'p1', start: conversation.lastActivityAt, end: conversation.lastActivityAt, visitType: 'VIDEO', status: 'booked', version: 1 }] },
    'POST http://media/api/v1/media/m1/link': { url: 'http://media/api/v1/media-links/m1?rendition=thumbnail&signature=s', expiresAt: new Date().toISOString() },
  })
  vi.stubGlobal('XMLHttpRequest', FakeUpload)
  const fake = fakeSocket()
  renderPage(<ChatSocketContext.Provider value={fake.socket}><Chat /></ChatSocketContext.Provider>, { path: '/chat/:conversationId', route: '/chat/c1' })
  await screen.findByRole('heading', { name: 'Dr House' })
  await userEvent.upload(screen.getByLabelText('Attach a photo'), photo())
  expect(FakeUpload.last!.sent!.get('purpose')).toBe('chat-attachment')
  expect(FakeUpload.last!.sent!.get('patientId')).toBe('p1')
  act(() => FakeUpload.last!.answer(201, { id: 'm1', patientId: 'p1', purpose: 'chat-attachment', contentType: 'image/jpeg' }))
  await waitFor(() => expect(fake.sent.filter((f) => f.type === 'send')).toHaveLength(1))
  return fake
}

describe('Chat: a photo attachment', () => {
  it('is sent again (same clientMessageId) while chat does not know the upload yet, then shown', async () => {
    const { sent, push } = await sendPhoto()
    const first = sent.find((f) => f.type === 'send')!
    expect(first).toMatchObject({ conversationId: 'c1', text: '', mediaIds: ['m1'] })
    push({ type: 'error', code: 'invalid', message: 'mediaIds: m1 is not a file that can be attached here (a file just uploaded may take a moment to be known; retry then)', ref: first.clientMessageId })
    await waitFor(() => expect(sent.filter((f) => f.type === 'send')).toHaveLength(2), { timeout: 3000 })
    expect(sent.filter((f) => f.type === 'send')[1]).toEqual(first)
    expect(screen.queryByText(/Not sent/)).not.toBeInTheDocument()
    push({ type: 'ack', conversationId: 'c1', clientMessageId: first.clientMessageId, messageId: 'x1', seq: 1, sentAt: new Date().toISOString(), duplicate: false })
    expect(await screen.findByRole('img', { name: 'Attached photo' })).toHaveAttribute('src', expect.stringContaining('rendition=thumbnail'))
  })

  it('says why when a message is refused for good', async () => {
    const { sent, push } = await sendPhoto()
    const first = sent.find((f) => f.type === 'send')!
    push({ type: 'error', code: 'rate_limited', message: 'Too many messages; slow down', ref: first.clientMessageId })
    expect(await screen.findByRole('alert')).toHaveTextContent('Not sent: Too many messages; slow down')
    expect(sent.filter((f) => f.type === 'send')).toHaveLength(1)
  })
})
