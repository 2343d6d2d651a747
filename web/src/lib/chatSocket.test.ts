import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChatSocket, type Frame } from './chatSocket'
import { setConfig } from './config'
import { CONFIG } from '@/test/render'

/** A stand-in for the browser's WebSocket that the test opens, closes and feeds. */
class FakeSocket {
  static OPEN = 1
  readyState = 0
  sent: Frame[] = []
  onopen?: () => void
  onclose?: () => void
  onmessage?: (e: { data: string }) => void
  constructor(readonly url: string, readonly protocols: string[]) {}
  send(text: string) { this.sent.push(JSON.parse(text)) }
  close() { this.readyState = 3; this.onclose?.() }
  open() { this.readyState = 1; this.onopen?.() }
  receive(frame: Frame) { this.onmessage?.({ data: JSON.stringify(frame) }) }
  drop() { this.readyState = 3; this.onclose?.() }
}

describe('ChatSocket', () => {
  let sockets: FakeSocket[]
  beforeEach(() => {
    setConfig(CONFIG)
    sockets = []
    vi.stubGlobal('WebSocket', FakeSocket)
    vi.useFakeTimers()
  })
  afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals() })

  const connect = () => {
    const chat = new ChatSocket(() => 'tok', (url, protocols) => {
      const s = new FakeSocket(url, protocols)
      sockets.push(s)
      return s as unknown as WebSocket
    })
    chat.connect()
    return chat
  }

  it('carries the token as the sub-protocols chat-service reads', () => {
    connect()
    expect(sockets[0].url).toBe('ws://chat/ws/chat')
    expect(sockets[0].protocols).toEqual(['bearer-token-carrier', encodeURI('quarkus-http-upgrade#Authorization#Bearer tok')])
  })

  it('keeps sends made while offline and sends them once connected', () => {
    const chat = connect()
    chat.send({ type: 'send', conversationId: 'c1', clientMessageId: 'm1', text: 'hi' })
    chat.send({ type: 'typing', conversationId: 'c1' })
    expect(sockets[0].sent).toEqual([])
    sockets[0].open()
    expect(sockets[0].sent).toEqual([{ type: 'send', conversationId: 'c1', clientMessageId: 'm1', text: 'hi' }])
  })

  it('reconnects after a drop and resumes each shown conversation from the last seq it holds', () => {
    const chat = connect()
    let lastSeq = 4
    chat.track('c1', () => lastSeq)
    sockets[0].open()
    expect(sockets[0].sent).toContainEqual({ type: 'resume', conversationId: 'c1', lastSeq: 4 })
    lastSeq = 7
    sockets[0].drop()
    vi.advanceTimersByTime(600)
    expect(sockets).toHaveLength(2)
    sockets[1].open()
    expect(sockets[1].sent).toEqual([{ type: 'resume', conversationId: 'c1', lastSeq: 7 }])
  })

  it('hands frames to every listener and reports its status', () => {
    const chat = connect()
    const frames: Frame[] = []
    chat.subscribe((f) => frames.push(f))
    sockets[0].open()
    sockets[0].receive({ type: 'message', conversationId: 'c1', seq: 5, text: 'hello' })
    expect(frames).toContainEqual({ type: '_status', status: 'open' })
    expect(frames).toContainEqual({ type: 'message', conversationId: 'c1', seq: 5, text: 'hello' })
  })

  it('stays closed once closed', () => {
    const chat = connect()
    sockets[0].open()
    chat.close()
    vi.advanceTimersByTime(20_000)
    expect(sockets).toHaveLength(1)
  })
})
