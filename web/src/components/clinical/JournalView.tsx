import { useRef, useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { History, Pencil, Reply, Trash2 } from 'lucide-react'
import { ApiError, api, qs } from '@/api/client'
import type { Note, NoteRevision, Page } from '@/api/types'
import { useAuth } from '@/auth/AuthContext'
import { Button } from '@/components/ui/button'
import { Badge, Card } from '@/components/ui/card'
import { Input, Select, Textarea } from '@/components/ui/input'
import { Dialog, DialogContent } from '@/components/ui/dialog'
import { MediaImage } from '@/components/MediaImage'
import { Field } from '@/components/form'
import { Empty, ErrorState, FieldErrors, Loading } from '@/components/states'
import { formatDateTime } from '@/lib/time'
import { ATTACHMENT_RETRIES, attachmentRetryMs } from '@/lib/media'
import { NoteAttachments } from './NoteAttachments'

/** notes-service refused a photo as not in the patient's record: maybe only not known there yet. */
function refusedPhoto(error: unknown): boolean {
  return error instanceof ApiError && error.status === 422 && error.fieldErrors.some((e) => e.field.startsWith('mediaIds'))
}

const PHOTO_REFUSED = 'A photo could not be attached: the journal does not know it as one of this patient\'s photos. Remove it, or try again in a moment.'

/**
 * Writes a note. notes-service learns of uploads from media-service's events, so a photo attached right after its
 * upload can be refused as unknown: the same note is sent again after a growing pause (nothing was written), and
 * the refusal is shown only when it persists.
 */
function NoteForm({ patientId, inReplyTo, onDone }: { patientId: string; inReplyTo?: string; onDone?: () => void }) {
  const client = useQueryClient()
  const form = useRef<HTMLFormElement>(null)
  const [mediaIds, setMediaIds] = useState<string[]>([])
  const write = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Note>('notes', `/api/v1/patients/${patientId}/notes`, body),
    // react-query counts failures before this one from 0
    retry: (failures, error) => refusedPhoto(error) && failures < ATTACHMENT_RETRIES,
    retryDelay: (failures) => attachmentRetryMs(failures),
    onSuccess: () => {
      client.invalidateQueries({ queryKey: ['notes', patientId] })
      form.current?.reset()
      setMediaIds([])
      onDone?.()
    },
  })
  const failed = refusedPhoto(write.error) ? new ApiError(422, PHOTO_REFUSED) : write.error
  return (
    <form ref={form} className="space-y-3" onSubmit={(e) => {
      e.preventDefault()
      const f = new FormData(e.currentTarget)
      write.mutate({
        title: String(f.get('title') ?? '').trim(), body: String(f.get('body') ?? ''),
        tags: String(f.get('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean),
        visibility: String(f.get('visibility') ?? 'shared'), mediaIds, inReplyTo,
      })
    }}>
      <Field label="Title" name="title" error={failed}><Input required maxLength={200} /></Field>
      <Field label="Text" name="body" error={failed}><Textarea required maxLength={20000} rows={4} /></Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Tags" name="tags" error={failed} hint="Comma-separated"><Input /></Field>
        <Field label="Who can see it" name="visibility" error={failed}><Select defaultValue="shared">
          <option value="shared">Shared (patient and their doctors)</option>
          <option value="private">Only me</option>
        </Select></Field>
      </div>
      <NoteAttachments patientId={patientId} value={mediaIds} onChange={setMediaIds} />
      <FieldErrors error={failed} />
      {write.isPending && write.failureCount > 0 && <p role="status" className="text-sm text-slate-700">Waiting for the photo to be ready…</p>}
      <Button type="submit" disabled={write.isPending}>{inReplyTo ? 'Reply' : 'Add to journal'}</Button>
    </form>
  )
}

/** What the note said before each edit (oldest first), then what it says now. */
function Revisions({ note }: { note: Note }) {
  const revisions = useQuery({ queryKey: ['revisions', note.id, note.version], queryFn: () => api.get<NoteRevision[]>('notes', `/api/v1/notes/${note.id}/revisions`) })
  if (revisions.isPending) return <Loading />
  if (revisions.isError) return <ErrorState error={revisions.error} onRetry={() => revisions.refetch()} />
  if (revisions.data.length === 0) return <Empty>This note was never edited.</Empty>
  return (
    <ol className="max-h-[60vh] space-y-3 overflow-y-auto text-sm" aria-label="Versions">
      {revisions.data.map((r) => (
        <li key={r.version} className="rounded-md border border-slate-200 p-2">
          <p className="text-xs text-slate-700">Version {r.version} · written {formatDateTime(r.writtenAt)}</p>
          <p className="font-medium">{r.title}</p>
          <p className="whitespace-pre-wrap">{r.body}</p>
        </li>
      ))}
      <li className="rounded-md border border-teal-300 bg-teal-50 p-2">
        <p className="text-xs text-slate-700">Version {note.version} (now){note.updatedAt ? ` · edited ${formatDateTime(note.updatedAt)}` : ''}</p>
        <p className="font-medium">{note.title}</p>
        <p className="whitespace-pre-wrap">{note.body}</p>
      </li>
    </ol>
  )
}

const STALE_EDIT = 'Someone changed this note while you were editing. The newest version is shown now: apply your change to it and save again.'

/**
 * Edits a note with If-Match (its version is its ETag). A stale edit (412) does not overwrite the newer text: the
 * note is read again, the form shows it, and the person is told why.
 */
function EditNote({ note: initial, onDone }: { note: Note; onDone: () => void }) {
  const client = useQueryClient()
  const [note, setNote] = useState(initial)
  const [stale, setStale] = useState(false)
  const edit = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.put<Note>('notes', `/api/v1/notes/${note.id}`, body, { 'If-Match': `"${note.version}"` }),
    onSuccess: () => { client.invalidateQueries({ queryKey: ['notes', note.patientId] }); onDone() },
    onError: async (error) => {
      if (!(error instanceof ApiError) || error.status !== 412) return
      const latest = await api.get<Note>('notes', `/api/v1/notes/${note.id}`).catch(() => undefined)
      client.invalidateQueries({ queryKey: ['notes', note.patientId] })
      if (latest) { setNote(latest); setStale(true) }
    },
  })
  // a stale edit is explained by the notice above once the newest version is shown; otherwise its detail is shown
  const failed = stale && edit.error instanceof ApiError && edit.error.status === 412 ? undefined : edit.error
  return (
    <form key={note.version} className="space-y-3" onSubmit={(e) => {
      e.preventDefault()
      const f = new FormData(e.currentTarget)
      setStale(false)
      edit.mutate({
        title: String(f.get('title') ?? '').trim(), body: String(f.get('body') ?? ''),
        tags: String(f.get('tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean), mediaIds: note.mediaIds,
      })
    }}>
      {stale && <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">{STALE_EDIT}</p>}
      <Field label="Title" name="title" error={failed}><Input required maxLength={200} defaultValue={note.title} /></Field>
      <Field label="Text" name="body" error={failed}><Textarea required maxLength={20000} rows={6} defaultValue={note.body} /></Field>
      <Field label="Tags" name="tags" error={failed} hint="Comma-separated"><Input defaultValue={note.tags.join(', ')} /></Field>
      <FieldErrors error={failed} />
      <Button type="submit" disabled={edit.isPending}>Save changes</Button>
    </form>
  )
}

function DeleteNote({ note, onDone }: { note: Note; onDone: () => void }) {
  const client = useQueryClient()
  const remove = useMutation({
    mutationFn: () => api.del('notes', `/api/v1/notes/${note.id}`),
    onSuccess: () => { client.invalidateQueries({ queryKey: ['notes', note.patientId] }); onDone() },
  })
  return (
    <div className="space-y-3">
      <FieldErrors error={remove.error} />
      <div className="flex justify-end gap-2">
        <Button variant="outline" onClick={onDone}>Keep it</Button>
        <Button variant="destructive" disabled={remove.isPending} onClick={() => remove.mutate()}>Delete note</Button>
      </div>
    </div>
  )
}

type NoteAction = { kind: 'reply' | 'history' | 'edit' | 'delete'; note: Note }

/** A patient's journal as the caller may see it: entries, replies, doctors' shared notes, tags, search. */
export function JournalView({ patientId }: { patientId: string }) {
  const { user } = useAuth()
  const [filter, setFilter] = useState({ q: '', tag: '' })
  const [action, setAction] = useState<NoteAction | null>(null)
  const close = () => setAction(null)
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
        {n.mediaIds.length > 0 && (
          <div className="mt-2 flex flex-wrap gap-2">{n.mediaIds.map((id) => <MediaImage key={id} id={id} thumbnail alt={`Photo attached to "${n.title}"`} className="size-24" />)}</div>
        )}
        <div className="mt-2 flex flex-wrap gap-2">
          <Button size="sm" variant="ghost" onClick={() => setAction({ kind: 'reply', note: n })}><Reply aria-hidden /> Reply</Button>
          {n.version > 1 && <Button size="sm" variant="ghost" onClick={() => setAction({ kind: 'history', note: n })}><History aria-hidden /> Revisions</Button>}
          {n.authorId === user?.profile.sub && <>
            <Button size="sm" variant="ghost" aria-label={`Edit "${n.title}"`} onClick={() => setAction({ kind: 'edit', note: n })}><Pencil aria-hidden /> Edit</Button>
            <Button size="sm" variant="ghost" aria-label={`Delete "${n.title}"`} onClick={() => setAction({ kind: 'delete', note: n })}><Trash2 aria-hidden /> Delete</Button>
          </>}
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
          : roots.length === 0 ? <Empty>No journal entry yet.</Empty> : <>
            <h2 className="sr-only">Journal entries</h2>
            <ul className="space-y-3" aria-label="Journal entries">{roots.map((n) => render(n))}</ul>
          </>}
      </div>
      <Card className="h-fit p-4">
        <h2 className="mb-3 text-lg font-semibold">New entry</h2>
        <NoteForm patientId={patientId} />
      </Card>
      <Dialog open={!!action} onOpenChange={(o) => { if (!o) close() }}>
        {action?.kind === 'reply' && <DialogContent title={`Reply to "${action.note.title}"`}><NoteForm patientId={patientId} inReplyTo={action.note.id} onDone={close} /></DialogContent>}
        {action?.kind === 'history' && <DialogContent title={`Earlier versions of "${action.note.title}"`}><Revisions note={action.note} /></DialogContent>}
        {action?.kind === 'edit' && <DialogContent title={`Edit "${action.note.title}"`}><EditNote note={action.note} onDone={close} /></DialogContent>}
        {action?.kind === 'delete' && <DialogContent title="Delete this note?" description={`"${action.note.title}" leaves the journal for everyone who can see it.`}><DeleteNote note={action.note} onDone={close} /></DialogContent>}
      </Dialog>
    </div>
  )
}
