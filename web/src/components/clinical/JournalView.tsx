import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { History, Reply } from 'lucide-react'
import { api, qs } from '@/api/client'
import type { Note, NoteRevision, Page } from '@/api/types'
import { useAuth } from '@/auth/AuthContext'
import { Button } from '@/components/ui/button'
import { Badge, Card } from '@/components/ui/card'
import { Input, Select, Textarea } from '@/components/ui/input'
import { Dialog, DialogContent } from '@/components/ui/dialog'
import { Field } from '@/components/form'
import { Empty, ErrorState, FieldErrors, Loading } from '@/components/states'
import { formatDateTime } from '@/lib/time'

function NoteForm({ patientId, inReplyTo, onDone }: { patientId: string; inReplyTo?: string; onDone?: () => void }) {
  const client = useQueryClient()
  const write = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Note>('notes', `/api/v1/patients/${patientId}/notes`, body),
    onSuccess: () => { client.invalidateQueries({ queryKey: ['notes', patientId] }); onDone?.() },
  })
  return (
    <form className="space-y-3" onSubmit={(e) => {
      e.preventDefault()
      const f = new FormData(e.currentTarget)
      write.mutate({
        title: String(f.get('title') ?? '').trim(), body: String(f.get('body') ?? ''),
        tags: String(f.get('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
        visibility: String(f.get('visibility') ?? 'shared'), mediaIds: [], inReplyTo,
      })
      if (!inReplyTo) e.currentTarget.reset()
    }}>
      <Field label="Title" name="title" error={write.error}><Input required maxLength={200} /></Field>
      <Field label="Text" name="body" error={write.error}><Textarea required maxLength={20000} rows={4} /></Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Tags" name="tags" error={write.error} hint="Comma-separated"><Input /></Field>
        <Field label="Who can see it" name="visibility" error={write.error}><Select defaultValue="shared">
          <option value="shared">Shared (patient and their doctors)</option>
          <option value="private">Only me</option>
        </Select></Field>
      </div>
      <FieldErrors error={write.error} />
      <Button type="submit" disabled={write.isPending}>{inReplyTo ? 'Reply' : 'Add to journal'}</Button>
    </form>
  )
}

function Revisions({ note }: { note: Note }) {
  const revisions = useQuery({ queryKey: ['revisions', note.id], queryFn: () => api.get<NoteRevision[] | Page<NoteRevision>>('notes', `/api/v1/notes/${note.id}/revisions`) })
  if (revisions.isPending) return <Loading />
  if (revisions.isError) return <ErrorState error={revisions.error} />
  const list = Array.isArray(revisions.data) ? revisions.data : revisions.data.items
  return list.length === 0 ? <Empty>This note was never edited.</Empty> : (
    <ol className="space-y-2 text-sm">{list.map((r) => <li key={r.version}><p className="font-medium">Version {r.version}: {r.title}</p><p className="whitespace-pre-wrap">{r.body}</p></li>)}</ol>
  )
}

/** A patient's journal as the caller may see it: entries, replies, doctors' shared notes, tags, search. */
export function JournalView({ patientId }: { patientId: string }) {
  const { user } = useAuth()
  const [filter, setFilter] = useState({ q: '', tag: '' })
  const [replyTo, setReplyTo] = useState<Note | null>(null)
  const [history, setHistory] = useState<Note | null>(null)
  const notes = useQuery({
    queryKey: ['notes', patientId, filter],
    queryFn: () => api.get<Page<Note>>('notes', `/api/v1/patients/${patientId}/notes${qs({ ...filter, limit: 50 })}`),
  })
  const items = notes.data?.items ?? []
  const roots = items.filter((n) => !n.inReplyTo || !items.some((p) => p.id === n.inReplyTo))
  const replies = (id: string) => items.filter((n) => n.inReplyTo === id)
  const render = (n: Note, depth = 0) => (
    <li key={n.id} className={depth ? 'ml-4 border-l-2 border-slate-200 pl-3' : ''}>
      <Card className="p-3">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="font-semibold">{n.title}</h3>
          {n.visibility === 'private' && <Badge>private</Badge>}
          {n.tags.map((t) => <Badge key={t} className="bg-teal-50 text-teal-900">#{t}</Badge>)}
        </div>
        <p className="text-xs text-slate-700">{n.authorId === user?.profile.sub ? 'You' : n.authorRole === 'doctor' ? 'Doctor' : 'Patient'} · {formatDateTime(n.createdAt)}</p>
        <p className="mt-2 whitespace-pre-wrap text-sm">{n.body}</p>
        <div className="mt-2 flex gap-2">
          <Button size="sm" variant="ghost" onClick={() => setReplyTo(n)}><Reply aria-hidden /> Reply</Button>
          {n.version > 1 && <Button size="sm" variant="ghost" onClick={() => setHistory(n)}><History aria-hidden /> Revisions</Button>}
        </div>
      </Card>
      {replies(n.id).length > 0 && <ul className="mt-2 space-y-2">{replies(n.id).map((r) => render(r, depth + 1))}</ul>}
    </li>
  )
  return (
    <div className="grid gap-5 lg:grid-cols-[1fr_22rem]">
      <div>
        <form role="search" className="mb-3 grid gap-2 sm:grid-cols-[1fr_10rem_auto] sm:items-end" onSubmit={(e) => {
          e.preventDefault()
          const f = new FormData(e.currentTarget)
          setFilter({ q: String(f.get('q') ?? ''), tag: String(f.get('tag') ?? '') })
        }}>
          <Field label="Search the journal" name="q"><Input type="search" /></Field>
          <Field label="Tag" name="tag"><Input /></Field>
          <Button type="submit" variant="outline">Search</Button>
        </form>
        {notes.isPending ? <Loading /> : notes.isError ? <ErrorState error={notes.error} onRetry={() => notes.refetch()} />
          : roots.length === 0 ? <Empty>No journal entry yet.</Empty> : <ul className="space-y-3" aria-label="Journal entries">{roots.map((n) => render(n))}</ul>}
      </div>
      <Card className="h-fit p-4">
        <h2 className="mb-3 text-lg font-semibold">New entry</h2>
        <NoteForm patientId={patientId} />
      </Card>
      <Dialog open={!!replyTo} onOpenChange={(o) => { if (!o) setReplyTo(null) }}>
        {replyTo && <DialogContent title={`Reply to "${replyTo.title}"`}><NoteForm patientId={patientId} inReplyTo={replyTo.id} onDone={() => setReplyTo(null)} /></DialogContent>}
      </Dialog>
      <Dialog open={!!history} onOpenChange={(o) => { if (!o) setHistory(null) }}>
        {history && <DialogContent title={`Earlier versions of "${history.title}"`}><Revisions note={history} /></DialogContent>}
      </Dialog>
    </div>
  )
}
