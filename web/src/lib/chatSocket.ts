import { chatSocketUrl } from './config'

export type Frame = { type: string; [key: string]: unknown }
type Listener = (frame: Frame) => void

/**
 * One WebSocket per signed-in tab to chat-service. Reconnects with backoff; on (re)connect every open conversation
 * is resumed from the last seq the page holds, so nothing sent while offline is lost. Sends made while the socket
 * is down wait in a queue and go out (same clientMessageId: the server stores them once) when it is back.
 */
export class ChatSocket {
  private socket?: WebSocket
  private listeners = new Set<Listener>()
  private queue: Frame[] = []
  private retry = 0
  private closed = false
  private timer?: ReturnType<typeof setTimeout>
  private resumePoints = new Map<string, () => number>()
  status: 'connecting' | 'open' | 'offline' = 'connecting'

  constructor(private readonly token: () => string | undefined, private readonly factory = (url: string, protocols: string[]) => new WebSocket(url, protocols)) {}

  connect() {
    const token = this.token()
    if (!token || this.closed) return
    this.setStatus('connecting')
    const socket = this.factory(chatSocketUrl(), ['bearer-token-carrier', encodeURI(`quarkus-http-upgrade#Authorization#Bearer ${token}`)])
    this.socket = socket
    socket.onopen = () => {
      this.retry = 0
      this.setStatus('open')
      this.resumePoints.forEach((lastSeq, conversationId) => this.rawSend({ type: 'resume', conversationId, lastSeq: lastSeq() }))
      const pending = this.queue
      this.queue = []
      pending.forEach((frame) => this.rawSend(frame))
    }
    socket.onmessage = (event) => {
      try {
        const frame = JSON.parse(String(event.data)) as Frame
        this.listeners.forEach((l) => l(frame))
      } catch {
        // a frame we cannot read is ignored
      }
    }
    socket.onclose = () => {
      if (this.socket !== socket) return
      this.setStatus('offline')
      if (this.closed) return
      const delay = Math.min(10_000, 500 * 2 ** this.retry++)
      this.timer = setTimeout(() => this.connect(), delay)
    }
  }

  /** Keep the socket's token fresh (the server closes it with 1008 when the token it holds expires). */
  refreshToken() {
    const token = this.token()
    if (token && this.socket?.readyState === WebSocket.OPEN) this.rawSend({ type: 'auth', token })
  }

  send(frame: Frame) {
    if (this.socket?.readyState === WebSocket.OPEN) this.rawSend(frame)
    else if (frame.type === 'send') this.queue.push(frame)
  }

  /** While a conversation is shown: on every reconnect, ask for what came after lastSeq(). */
  track(conversationId: string, lastSeq: () => number): () => void {
    this.resumePoints.set(conversationId, lastSeq)
    if (this.socket?.readyState === WebSocket.OPEN) this.rawSend({ type: 'resume', conversationId, lastSeq: lastSeq() })
    return () => this.resumePoints.delete(conversationId)
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  close() {
    this.closed = true
    clearTimeout(this.timer)
    this.socket?.close()
  }

  private rawSend(frame: Frame) {
    this.socket?.send(JSON.stringify(frame))
  }

  private setStatus(status: ChatSocket['status']) {
    this.status = status
    this.listeners.forEach((l) => l({ type: '_status', status }))
  }
}
