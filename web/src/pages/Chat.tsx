import { useEffect, useMemo, useRef, useState } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query'
import { Check, CheckCheck, Paperclip, Send } from 'lucide-react'
import { api, qs } from '@/api/client'
import type { ChatMessage, Conversation, Page } from '@/api/types'
import { useAuth } from '@/auth/AuthContext'
import { useChatSocket } from '@/lib/ChatSocketContext'
import { useCounterpartNames } from '@/lib/names'
import { ATTACHMENT_RETRIES, attachmentRetryMs, uploadMedia } from '@/lib/media'
import { formatDateTime, formatTime } from '@/lib/time'
import { Button } from '@/components/ui/button'
import { Input } from '@/components/ui/input'
import { Card } from '@/components/ui/card'
import { MediaImage } from '@/components/MediaImage'
import { Empty, ErrorState, FieldErrors, Loading, PageTitle } from '@/components/states'

interface Pending { clientMessageId: string; text: string; mediaIds: string[]; attempts: number; error?: string }

// A photo refused as not yet known to chat is sent again with the same clientMessageId, so never twice.

function Thread({ conversation, name }: { conversation: Conversation; name: string }) {
  const { user } = useAuth()
  const me = user?.profile.sub ?? ''
  const socket = useChatSocket()
  const client = useQueryClient()
  const [live, setLive] = useState<Map<number, ChatMessage>>(new Map())
  const [pending, setPending] = useState<Pending[]>([])
  const [typing, setTyping] = useState(false)
  const [online, setOnline] = useState(conversation.counterpartOnline)
  const [theirRead, setTheirRead] = useState(conversation.counterpartReadSeq)
  const [upload, setUpload] = useState<{ fraction: number; error?: unknown } | null>(null)
  const [status, setStatus] = useState(socket?.status ?? 'connecting')
  const bottom = useRef<HTMLDivElement>(null)
  const top = useRef<HTMLDivElement>(null)
  const lastTyping = useRef(0)
  const retryTimers = useRef<ReturnType<typeof setTimeout>[]>([])
  const history = useInfiniteQuery({
    queryKey: ['messages', conversation.id],
    queryFn: ({ pageParam }) => api.get<Page<ChatMessage>>('chat', `/api/v1/conversations/${conversation.id}/messages${qs({ before: pageParam, limit: 30 })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: Infinity,
  })
  const messages = useMemo(() => {
    const all = new Map<number, ChatMessage>()
    history.data?.pages.forEach((p) => p.items.forEach((m) => all.set(m.seq, m)))
    live.forEach((m, seq) => all.set(seq, m))
    return [...all.values()].sort((a, b) => a.seq - b.seq)
  }, [history.data, live])
  const lastSeq = messages.length ? messages[messages.length - 1].seq : 0
  const lastSeqRef = useRef(0)
  lastSeqRef.current = lastSeq

  useEffect(() => {
    if (!socket) return
    const stopTracking = socket.track(conversation.id, () => lastSeqRef.current)
    let typingTimer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = socket.subscribe((f) => {
      if (f.type === '_status') setStatus(f.status as typeof status)
      if (f.conversationId !== undefined && f.conversationId !== conversation.id) return
      if (f.type === 'message') {
        const m: ChatMessage = { id: String(f.messageId), conversationId: conversation.id, seq: Number(f.seq), senderId: String(f.senderId), clientMessageId: f.clientMessageId as string, text: String(f.text ?? ''), mediaIds: (f.mediaIds as string[]) ?? [], sentAt: String(f.sentAt) }
        setLive((prev) => new Map(prev).set(m.seq, m))
        setPending((prev) => prev.filter((p) => p.clientMessageId !== m.clientMessageId))
        if (m.senderId !== me) setTyping(false)
      } else if (f.type === 'ack') {
        const p = pendingRef.current.find((x) => x.clientMessageId === f.clientMessageId)
        if (p) {
          const m: ChatMessage = { id: String(f.messageId), conversationId: conversation.id, seq: Number(f.seq), senderId: me, clientMessageId: p.clientMessageId, text: p.text, mediaIds: p.mediaIds, sentAt: String(f.sentAt) }
          setLive((prev) => new Map(prev).set(m.seq, m))
          setPending((prev) => prev.filter((x) => x.clientMessageId !== p.clientMessageId))
        }
      } else if (f.type === 'error' && typeof f.ref === 'string') {
        const p = pendingRef.current.find((x) => x.clientMessageId === f.ref)
        if (!p) return
        const message = String(f.message ?? 'The message was not sent.')
        if (p.mediaIds.length > 0 && message.startsWith('mediaIds') && p.attempts < ATTACHMENT_RETRIES) {
          setPending((prev) => prev.map((x) => x.clientMessageId === p.clientMessageId ? { ...x, attempts: x.attempts + 1 } : x))
          retryTimers.current.push(setTimeout(() => socket.send({ type: 'send', conversationId: conversation.id, clientMessageId: p.clientMessageId, text: p.text, mediaIds: p.mediaIds }), attachmentRetryMs(p.attempts)))
        } else {
          setPending((prev) => prev.map((x) => x.clientMessageId === p.clientMessageId ? { ...x, error: message } : x))
        }
      } else if (f.type === 'read' && f.userId !== me) {
        setTheirRead((r) => Math.max(r, Number(f.seq)))
      } else if (f.type === 'typing' && f.userId !== me) {
        setTyping(true)
        clearTimeout(typingTimer)
        typingTimer = setTimeout(() => setTyping(false), 4000)
      } else if (f.type === 'presence' && f.userId === conversation.counterpartId) {
        setOnline(Boolean(f.online))
      }
    })
    const timers = retryTimers.current
    return () => { stopTracking(); unsubscribe(); clearTimeout(typingTimer); timers.forEach(clearTimeout) }
  }, [socket, conversation.id, conversation.counterpartId, me])
  const pendingRef = useRef(pending)
  pendingRef.current = pending

  // Mark what is on screen read, and keep the newest message in view.
  useEffect(() => {
    if (lastSeq > 0) socket?.send({ type: 'read', conversationId: conversation.id, seq: lastSeq })
    bottom.current?.scrollIntoView?.({ block: 'end' })
    client.invalidateQueries({ queryKey: ['conversations'] })
  }, [lastSeq, pending.length, socket, conversation.id, client])

  // Infinite scroll: older messages load when the top of the thread comes into view.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = history
  useEffect(() => {
    const sentinel = top.current
    if (!sentinel || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && hasNextPage && !isFetchingNextPage) fetchNextPage()
    })
    observer.observe(sentinel)
    return () => observer.disconnect()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])

  const send = (text: string, mediaIds: string[] = []) => {
    if (!text.trim() && mediaIds.length === 0) return
    const clientMessageId = `web-${crypto.randomUUID()}`
    setPending((p) => [...p, { clientMessageId, text: text.trim(), mediaIds, attempts: 0 }])
    socket?.send({ type: 'send', conversationId: conversation.id, clientMessageId, text: text.trim(), mediaIds })
  }
  const attach = async (file: File) => {
    setUpload({ fraction: 0 })
    try {
      const media = await uploadMedia(file, 'chat-attachment', conversation.patientId, (fraction) => setUpload({ fraction }))
      setUpload(null)
      send('', [media.id])
    } catch (error) {
      setUpload({ fraction: 0, error })
    }
  }
  return (
    <Card className="flex h-[70vh] min-h-96 flex-col">
      <div className="flex items-center gap-2 border-b border-slate-200 p-3">
        <h2 className="font-semibold">{name}</h2>
        <span className={`size-2 rounded-full ${online ? 'bg-green-600' : 'bg-slate-400'}`} aria-hidden />
        <span className="text-xs text-slate-700">{online ? 'online' : 'offline'}</span>
        {status !== 'open' && <span role="status" className="ml-auto text-xs text-amber-900">{status === 'offline' ? 'Reconnecting…' : 'Connecting…'}</span>}
      </div>
      <div className="flex-1 overflow-y-auto p-3" aria-live="polite" aria-label="Messages">
        <div ref={top} aria-hidden />
        {history.hasNextPage && <Button variant="link" size="sm" onClick={() => history.fetchNextPage()} disabled={history.isFetchingNextPage}>Older messages</Button>}
        {history.isPending ? <Loading /> : history.isError ? <ErrorState error={history.error} onRetry={() => history.refetch()} /> : (
          <ol className="space-y-2">
            {messages.map((m) => {
              const mine = m.senderId === me
              return (
                <li key={m.seq} className={`flex ${mine ? 'justify-end' : 'justify-start'}`}>
                  <div className={`max-w-[80%] rounded-lg px-3 py-2 text-sm ${mine ? 'bg-teal-700 text-white' : 'bg-slate-100 text-slate-900'}`}>
                    {m.text && <p className="whitespace-pre-wrap break-words">{m.text}</p>}
                    {m.mediaIds.map((id) => <MediaImage key={id} id={id} thumbnail alt="Attached photo" className="mt-1 size-40" />)}
                    <p className={`mt-1 flex items-center gap-1 text-[11px] ${mine ? 'text-teal-50' : 'text-slate-700'}`}>
                      <time dateTime={m.sentAt} title={formatDateTime(m.sentAt)}>{formatTime(m.sentAt)}</time>
                      {mine && (theirRead >= m.seq ? <><CheckCheck className="size-3" aria-hidden /><span className="sr-only">read</span></> : <><Check className="size-3" aria-hidden /><span className="sr-only">sent</span></>)}
                    </p>
                  </div>
                </li>
              )
            })}
            {pending.map((p) => (
              <li key={p.clientMessageId} className="flex justify-end">
                {p.error ? (
                  <div role="alert" className="max-w-[80%] rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">{p.text || 'Photo'}<span className="block text-[11px]">Not sent: {p.error}</span></div>
                ) : <div className="max-w-[80%] rounded-lg bg-teal-700/80 px-3 py-2 text-sm text-white">{p.text || 'Photo'}<span className="block text-[11px]">sending…</span></div>}
              </li>
            ))}
          </ol>
        )}
        <div ref={bottom} />
      </div>
      <p className="h-5 px-3 text-xs text-slate-700" aria-live="polite">{typing ? `${name} is typing…` : ''}</p>
      {upload && (upload.error ? <div className="px-3"><FieldErrors error={upload.error} /></div>
        : <progress className="mx-3 h-2" max={1} value={upload.fraction} aria-label="Uploading photo" />)}
      <form className="flex items-center gap-2 border-t border-slate-200 p-3" onSubmit={(e) => {
        e.preventDefault()
        const input = e.currentTarget.elements.namedItem('text') as HTMLInputElement
        send(input.value)
        input.value = ''
      }}>
        <label className="inline-flex size-10 cursor-pointer items-center justify-center rounded-md hover:bg-slate-100 focus-within:ring-2 focus-within:ring-teal-700">
          <Paperclip className="size-4" aria-hidden /><span className="sr-only">Attach a photo</span>
          <input type="file" accept="image/jpeg,image/png,image/webp" className="sr-only" onChange={(e) => { const f = e.target.files?.[0]; if (f) attach(f); e.target.value = '' }} />
        </label>
        <Input name="text" aria-label="Message" placeholder="Write a message" maxLength={4000} autoComplete="off" onChange={() => {
          if (Date.now() - lastTyping.current > 2000) {
            lastTyping.current = Date.now()
            socket?.send({ type: 'typing', conversationId: conversation.id })
          }
        }} />
        <Button type="submit" aria-label="Send"><Send aria-hidden /></Button>
      </form>
    </Card>
  )
}

export default function Chat() {
  const { conversationId } = useParams()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const { names } = useCounterpartNames()
  const [openError, setOpenError] = useState<unknown>()
  const conversations = useQuery({
    queryKey: ['conversations'],
    queryFn: () => api.get<Page<Conversation>>('chat', '/api/v1/conversations?limit=50'),
  })
  // /chat?doctorId=… or ?patientId=… opens (or finds) the conversation with that person.
  const withDoctor = params.get('doctorId')
  const withPatient = params.get('patientId')
  useEffect(() => {
    if (!withDoctor && !withPatient) return
    api.post<Conversation>('chat', '/api/v1/conversations', withDoctor ? { doctorId: withDoctor } : { patientId: withPatient })
      .then((c) => navigate(`/chat/${c.id}`, { replace: true }))
      .catch(setOpenError)
  }, [withDoctor, withPatient, navigate])
  const selected = conversations.data?.items.find((c) => c.id === conversationId)
  const one = useQuery({
    queryKey: ['conversation', conversationId],
    queryFn: () => api.get<Conversation>('chat', `/api/v1/conversations/${conversationId}`),
    enabled: !!conversationId && conversations.isSuccess && !selected,
  })
  const current = selected ?? one.data
  return (
    <>
      <PageTitle>Chat</PageTitle>
      {openError ? <div className="mb-3"><FieldErrors error={openError} /></div> : null}
      <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
        <nav aria-label="Conversations">
          {conversations.isPending ? <Loading /> : conversations.isError ? <ErrorState error={conversations.error} onRetry={() => conversations.refetch()} />
            : conversations.data.items.length === 0 ? <Empty>No conversation yet. A patient and a doctor can chat once a visit between them is booked.</Empty> : (
              <ul className="space-y-1">
                {conversations.data.items.map((c) => (
                  <li key={c.id}>
                    <Link to={`/chat/${c.id}`} aria-current={c.id === conversationId ? 'page' : undefined}
                      className={`block rounded-md p-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 ${c.id === conversationId ? 'bg-teal-700 text-white' : 'hover:bg-slate-100'}`}>
                      <span className="flex items-center justify-between font-medium">{names.get(c.counterpartId) ?? 'Conversation'}
                        {c.unreadCount > 0 && <span className="rounded-full bg-red-700 px-1.5 text-xs text-white">{c.unreadCount}<span className="sr-only"> unread</span></span>}</span>
                      <span className="block truncate text-xs opacity-90">{c.lastMessage ? (c.lastMessage.text || 'Photo') : 'No messages yet'}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
        </nav>
        <section aria-label="Conversation">
          {current ? <Thread key={current.id} conversation={current} name={names.get(current.counterpartId) ?? 'Your contact'} />
            : one.isError ? <ErrorState error={one.error} /> : conversationId ? <Loading /> : <Empty>Choose a conversation.</Empty>}
        </section>
      </div>
    </>
  )
}
