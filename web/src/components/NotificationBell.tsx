import { useEffect } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import * as Popover from '@radix-ui/react-popover'
import { Bell } from 'lucide-react'
import { api } from '@/api/client'
import type { NotificationPage } from '@/api/types'
import { useChatSocket } from '@/lib/ChatSocketContext'
import { formatDateTime } from '@/lib/time'
import { ErrorState, Loading } from './states'
import { Button } from './ui/button'

export function NotificationBell() {
  const client = useQueryClient()
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
  const unread = query.data?.unreadCount ?? 0
  return (
    <Popover.Root>
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
                  <li key={n.id} className={`rounded-md p-2 text-sm ${n.read ? 'text-slate-700' : 'bg-teal-50 text-slate-900'}`}>
                    <p className="font-medium">{n.title}</p>
                    <p>{n.body}</p>
                    <p className="text-xs text-slate-700">{formatDateTime(n.createdAt)}</p>
                  </li>
                ))}
              </ul>
            )}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}
