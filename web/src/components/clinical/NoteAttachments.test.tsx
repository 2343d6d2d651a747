import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { json, mockFetch, problem, renderPage } from '@/test/render'
import { FakeUpload, photo } from '@/test/fakeUpload'
import { ATTACHMENT_RETRIES } from '@/lib/media'
import { JournalView } from './JournalView'

afterEach(() => { vi.unstubAllGlobals(); vi.useRealTimers() })

const now = new Date().toISOString()
const created = { id: 'n9', patientId: 'p1', authorId: 'p1', authorRole: 'patient', title: 'Rash', body: 'Itchy', tags: [], mediaIds: ['m1'], visibility: 'shared', inReplyTo: null, version: 1, createdAt: now }
const earlier = { id: 'm7', patientId: 'p1', uploadedBy: 'p1', purpose: 'symptom-photo', contentType: 'image/jpeg', size: 4, sha256: 'x', createdAt: now, contentUrl: '/c', thumbnailUrl: '/t' }
const routes = {
  'GET http://notes/api/v1/patients/p1/notes': { items: [], nextCursor: null },
  'GET http://media/api/v1/media?': { items: [earlier], nextCursor: null },
  'POST http://media/api/v1/media/': { url: 'http://media/api/v1/media-links/x?signature=s', expiresAt: now },
}

async function fillNote() {
  await userEvent.type(await screen.findByLabelText('Title'), 'Rash')
  await userEvent.type(screen.getByLabelText('Text'), 'Itchy')
}

async function uploadPhoto() {
  vi.stubGlobal('XMLHttpRequest', FakeUpload)
  await userEvent.upload(screen.getByLabelText('Attach a photo'), photo())
  return FakeUpload.last!
}

const posts = <C extends { method: string; url: string }>(calls: C[]) => calls.filter((c) => c.method === 'POST' && c.url.startsWith('http://notes/'))

describe('Journal: photos on a new note', () => {
  it('uploads a photo as a note attachment with progress and sends its id with the note', async () => {
    const calls = mockFetch({ ...routes, 'POST http://notes/api/v1/patients/p1/notes': () => json(created, 201) })
    renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
    await fillNote()
    const upload = await uploadPhoto()
    expect(upload.url).toBe('http://media/api/v1/media')
    expect(upload.sent!.get('purpose')).toBe('note-attachment')
    expect(upload.sent!.get('patientId')).toBe('p1')
    act(() => upload.progress(1, 4))
    expect(screen.getByRole('progressbar', { name: 'Uploading rash.jpg' })).toHaveAttribute('value', '0.25')
    expect(screen.getByText('25%')).toBeInTheDocument()
    act(() => upload.answer(201, { ...earlier, id: 'm1', purpose: 'note-attachment' }))
    const attached = await screen.findByRole('list', { name: 'Attached photos' })
    expect(within(attached).getAllByRole('listitem')).toHaveLength(1)

    await userEvent.click(screen.getByRole('button', { name: 'Add to journal' }))
    await waitFor(() => expect(posts(calls)).toHaveLength(1))
    expect(posts(calls)[0]).toMatchObject({ body: { title: 'Rash', body: 'Itchy', mediaIds: ['m1'], visibility: 'shared' } })
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Attached photos' })).not.toBeInTheDocument())
    expect(screen.getByLabelText('Title')).toHaveValue('')
  })

  it('shows a refused upload\'s problem detail and attaches nothing', async () => {
    mockFetch(routes)
    renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
    await screen.findByLabelText('Title')
    const upload = await uploadPhoto()
    act(() => upload.answer(415, { status: 415, title: 'Unsupported Media Type', detail: 'Only JPEG, PNG or WebP images are accepted' }, 'application/problem+json'))
    expect(await screen.findByRole('alert')).toHaveTextContent('Only JPEG, PNG or WebP images are accepted')
    expect(screen.queryByRole('list', { name: 'Attached photos' })).not.toBeInTheDocument()
  })

  it('chooses an earlier symptom photo (listed by purpose), can remove it again, and sends the chosen id', async () => {
    const calls = mockFetch({ ...routes, 'POST http://notes/api/v1/patients/p1/notes': () => json({ ...created, mediaIds: ['m7'] }, 201) })
    renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
    await fillNote()
    const choose = screen.getByRole('button', { name: 'Choose from earlier photos' })
    expect(choose).toHaveAttribute('aria-expanded', 'false')
    await userEvent.click(choose)
    const box = await screen.findByRole('checkbox', { name: /Photo from/ })
    const list = calls.find((c) => c.method === 'GET' && c.url.startsWith('http://media/api/v1/media?'))!
    expect(new URL(list.url).searchParams.get('purpose')).toBe('symptom-photo')
    expect(new URL(list.url).searchParams.get('patientId')).toBe('p1')

    await userEvent.click(box)
    expect(within(screen.getByRole('list', { name: 'Attached photos' })).getAllByRole('listitem')).toHaveLength(1)
    await userEvent.click(screen.getByRole('button', { name: 'Remove attached photo 1' }))
    expect(screen.queryByRole('list', { name: 'Attached photos' })).not.toBeInTheDocument()
    expect(box).not.toBeChecked()
    await userEvent.click(box)

    await userEvent.click(screen.getByRole('button', { name: 'Add to journal' }))
    await waitFor(() => expect(posts(calls)).toHaveLength(1))
    expect(posts(calls)[0]).toMatchObject({ body: { mediaIds: ['m7'] } })
  })

  it('sends the note again while notes-service does not know a just-uploaded photo yet', async () => {
    let answers = 0
    const calls = mockFetch({
      ...routes,
      'POST http://notes/api/v1/patients/p1/notes': () => (++answers === 1
        ? problem(422, "mediaIds[0] is not an upload in this patient's record", [{ field: 'mediaIds[0]', message: "is not an upload in this patient's record" }])
        : json(created, 201)),
    })
    renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
    await fillNote()
    const upload = await uploadPhoto()
    act(() => upload.answer(201, { ...earlier, id: 'm1', purpose: 'note-attachment' }))
    await screen.findByRole('list', { name: 'Attached photos' })
    await userEvent.click(screen.getByRole('button', { name: 'Add to journal' }))
    await waitFor(() => expect(posts(calls)).toHaveLength(2), { timeout: 3000 })
    expect(posts(calls)[1].body).toEqual(posts(calls)[0].body)
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue(''))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('shows the refusal in plain words when the photo stays unknown, keeping what was written', async () => {
    const calls = mockFetch({
      ...routes,
      'POST http://notes/api/v1/patients/p1/notes': () => problem(422, "mediaIds[0] is not an upload in this patient's record", [{ field: 'mediaIds[0]', message: "is not an upload in this patient's record" }]),
    })
    renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
    await fillNote()
    await userEvent.click(screen.getByRole('button', { name: 'Choose from earlier photos' }))
    await userEvent.click(await screen.findByRole('checkbox', { name: /Photo from/ }))
    vi.useFakeTimers({ shouldAdvanceTime: true })
    await userEvent.click(screen.getByRole('button', { name: 'Add to journal' }))
    await act(() => vi.advanceTimersByTimeAsync(60_000))
    expect(await screen.findByRole('alert')).toHaveTextContent('A photo could not be attached')
    expect(posts(calls)).toHaveLength(1 + ATTACHMENT_RETRIES)
    expect(screen.getByLabelText('Title')).toHaveValue('Rash')
    expect(screen.getByRole('list', { name: 'Attached photos' })).toBeInTheDocument()
  })
})
