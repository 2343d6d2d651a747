import { useEffect, useState } from 'react'
import { useNavigate } from 'react-router'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as Popover from '@radix-ui/react-popover'
import { Bell } from 'lucide-react'
import { api } from '@/api/client'
import type { Notification, NotificationPage } from '@/api/types'
import { useChatSocket } from '@/lib/ChatSocketContext'
import { formatDateTime } from '@/lib/time'
import { ErrorState, Loading } from './states'
import { Button } from './ui/button'

/** Where a notification leads: the thing it is about, for the person who received it. */
export function notificationTarget(n: Notification, roles: string[]): string | undefined {
  const doctor = roles.includes('doctor')
  if (n.data?.prescriptionId) return doctor ? undefined : '/prescriptions'
  if (n.data?.noteId) return doctor ? (n.data.patientId ? `/doctor/patients/${n.data.patientId}` : undefined) : '/journal'
  if (n.data?.appointmentId) return doctor ? '/doctor/schedule' : '/visits'
  return undefined
}

export function NotificationBell({ roles = [] }: { roles?: string[] }) {
  const client = useQueryClient()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const socket = useChatSocket()
  const query = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<NotificationPage>('chat', '/api/v1/notifications?limit=20'),
  })
  useEffect(() => socket?.subscribe((frame) => {
    if (frame.type === 'notification') {
      client.invalidateQueries({ queryKey: ['notifications'] })
      // a note or prescription notification means new content elsewhere too
      client.invalidateQueries({ queryKey: ['notes'] })
      client.invalidateQueries({ queryKey: ['prescriptions'] })
      client.invalidateQueries({ queryKey: ['appointments'] })
    }
  }), [socket, client])
  const readAll = useMutation({
    mutationFn: () => api.post('chat', '/api/v1/notifications/read-all'),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  })
  const readOne = useMutation({
    mutationFn: (id: string) => api.post('chat', `/api/v1/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  })
  /** Opening a notification reads it, and shows what it is about when the app has a page for that. */
  const openOne = (n: Notification) => {
    if (!n.read) readOne.mutate(n.id)
    const target = notificationTarget(n, roles)
    if (target) { setOpen(false); navigate(target) }
  }
  const unread = query.data?.unreadCount ?? 0
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger asChild>
        <Button variant="ghost" size="icon" className="relative" aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}>
          <Bell />
          <span data-testid="unread-count" aria-hidden className={`absolute right-1 top-1 min-w-4 rounded-full bg-red-700 px-1 text-[10px] leading-4 text-white ${unread ? '' : 'invisible'}`}>{unread}</span>
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content aria-label="Notifications" align="end" sideOffset={8} className="z-50 w-[min(22rem,calc(100vw-1rem))] rounded-lg border border-slate-200 bg-white p-3 shadow-lg focus:outline-none">
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-sm font-semibold text-slate-900">Notifications</h2>
            <Button variant="link" size="sm" disabled={!unread || readAll.isPending} onClick={() => readAll.mutate()}>Mark all read</Button>
          </div>
          {query.isPending ? <Loading /> : query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} />
            : query.data.items.length === 0 ? <p className="text-sm text-slate-700">Nothing new.</p> : (
              <ul className="max-h-80 space-y-2 overflow-y-auto" aria-label="Notifications">
                {query.data.items.map((n) => (
                  <li key={n.id}>
                    <button type="button" onClick={() => openOne(n)}
                      className={`w-full rounded-md p-2 text-left text-sm hover:bg-slate-100 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-teal-700 ${n.read ? 'text-slate-700' : 'bg-teal-50 text-slate-900'}`}>
                      <span className="block font-medium">{n.title}{n.read ? '' : <span className="sr-only"> (unread)</span>}</span>
                      <span className="block">{n.body}</span>
                      <span className="block text-xs text-slate-700">{formatDateTime(n.createdAt)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
