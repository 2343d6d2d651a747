import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { json, mockFetch, problem, renderPage } from '@/test/render'
import { JournalView } from './JournalView'

afterEach(() => vi.unstubAllGlobals())

const now = new Date().toISOString()
const mine = { id: 'n1', patientId: 'p1', authorId: 'p1', authorRole: 'patient', title: 'Cough', body: 'Since Monday', tags: ['cough'], mediaIds: [], visibility: 'shared', inReplyTo: null, version: 2, createdAt: now, updatedAt: now }
const doctors = { ...mine, id: 'n2', authorId: 'doc-1', authorRole: 'doctor', title: 'Plan', body: 'Rest and water', tags: [], version: 1, updatedAt: null }
const journal = { 'GET http://notes/api/v1/patients/p1/notes': { items: [mine, doctors], nextCursor: null } }

async function openEdit() {
  renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
  await userEvent.click(await screen.findByRole('button', { name: 'Edit "Cough"' }))
  return screen.findByRole('dialog')
}

describe('Journal: editing one\'s own notes', () => {
  it('offers edit and delete on the caller\'s notes only', async () => {
    mockFetch(journal)
    renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
    expect(await screen.findByRole('button', { name: 'Edit "Cough"' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Delete "Cough"' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit "Plan"' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Delete "Plan"' })).not.toBeInTheDocument()
  })

  it('saves an edit with If-Match naming the version it was read at', async () => {
    const calls = mockFetch({ ...journal, 'PUT http://notes/api/v1/notes/n1': () => json({ ...mine, title: 'Cough, better', version: 3 }) })
    const dialog = await openEdit()
    const title = within(dialog).getByLabelText('Title')
    await userEvent.clear(title)
    await userEvent.type(title, 'Cough, better')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.headers['If-Match']).toBe('"2"')
    expect(put.body).toEqual({ title: 'Cough, better', body: 'Since Monday', tags: ['cough'], mediaIds: [] })
  })

  it('on a stale edit says so in plain words and shows the newest version to edit again', async () => {
    const newer = { ...mine, body: 'Since Monday, worse at night', version: 3 }
    const calls = mockFetch({
      ...journal,
      'PUT http://notes/api/v1/notes/n1': () => problem(412, 'The note changed since you read it (now version 3)'),
      'GET http://notes/api/v1/notes/n1': newer,
    })
    const dialog = await openEdit()
    await userEvent.type(within(dialog).getByLabelText('Tags'), ', night')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Someone changed this note while you were editing')
    expect(within(dialog).getByLabelText('Text')).toHaveValue('Since Monday, worse at night')
    calls.length = 0
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.headers['If-Match']).toBe('"3"'))
  })

  it('shows the stale edit\'s detail when the newest version cannot be read either', async () => {
    mockFetch({
      ...journal,
      'PUT http://notes/api/v1/notes/n1': () => problem(412, 'The note changed since you read it (now version 3)'),
      'GET http://notes/api/v1/notes/n1': () => problem(404, 'Note n1 was not found'),
    })
    const dialog = await openEdit()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The note changed since you read it (now version 3)')
  })

  it('deletes only after the confirmation', async () => {
    const calls = mockFetch({ ...journal, 'DELETE http://notes/api/v1/notes/n1': () => new Response(null, { status: 204 }) })
    renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
    await userEvent.click(await screen.findByRole('button', { name: 'Delete "Cough"' }))
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Keep it' }))
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false)
    await userEvent.click(screen.getByRole('button', { name: 'Delete "Cough"' }))
    expect(await screen.findByRole('dialog', { name: 'Delete this note?' })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Delete note' }))
    await waitFor(() => expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['http://notes/api/v1/notes/n1']))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('shows a refused deletion\'s detail and keeps the dialog open', async () => {
    mockFetch({ ...journal, 'DELETE http://notes/api/v1/notes/n1': () => problem(403, 'Only the author can delete a note') })
    renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
    await userEvent.click(await screen.findByRole('button', { name: 'Delete "Cough"' }))
    await userEvent.click(screen.getByRole('button', { name: 'Delete note' }))
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent('Only the author can delete a note')
  })

  it('lists earlier versions, oldest first, then the current text', async () => {
    mockFetch({
      ...journal,
      'GET http://notes/api/v1/notes/n1/revisions': [{ version: 1, title: 'Cough', body: 'Since Sunday', tags: [], mediaIds: [], writtenBy: 'p1', writtenAt: now }],
    })
    renderPage(<JournalView patientId="p1" />, { sub: 'p1' })
    await userEvent.click(await screen.findByRole('button', { name: /Revisions/ }))
    const versions = await screen.findByRole('list', { name: 'Versions' })
    const items = within(versions).getAllByRole('listitem')
    expect(items[0]).toHaveTextContent('Version 1')
    expect(items[0]).toHaveTextContent('Since Sunday')
    expect(items[1]).toHaveTextContent('Version 2 (now)')
    expect(items[1]).toHaveTextContent('Since Monday')
  })
})
