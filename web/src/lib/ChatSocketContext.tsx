import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { accessToken } from '@/auth/session'
import { useAuth } from '@/auth/AuthContext'
import { ChatSocket } from './chatSocket'

/** Exported for tests, which provide a socket of their own. */
export const ChatSocketContext = createContext<ChatSocket | null>(null)
const Context = ChatSocketContext

/** The signed-in patient's or doctor's chat socket, shared by the bell and the chat page. */
export function ChatSocketProvider({ children }: { children: ReactNode }) {
  const { user, roles } = useAuth()
  const [socket, setSocket] = useState<ChatSocket | null>(null)
  const eligible = !!user && (roles.includes('patient') || roles.includes('doctor'))
  const userId = user?.profile.sub

  useEffect(() => {
    if (!eligible) return
    const s = new ChatSocket(accessToken)
    s.connect()
    setSocket(s)
    return () => {
      s.close()
      setSocket(null)
    }
  }, [eligible, userId])

  useEffect(() => {
    socket?.refreshToken()
  }, [socket, user?.access_token])

  return <Context.Provider value={socket}>{children}</Context.Provider>
}

export function useChatSocket(): ChatSocket | null {
  return useContext(Context)
}
