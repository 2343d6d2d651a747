import { useEffect, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { userManager } from '@/auth/session'
import { ErrorState, Loading } from '@/components/states'

/** Keycloak sends the browser back here with the code; PKCE verifier and state come from sessionStorage. */
export function Callback() {
  const navigate = useNavigate()
  const [error, setError] = useState<unknown>()
  const once = useRef(false)
  useEffect(() => {
    if (once.current) return
    once.current = true
    userManager().signinRedirectCallback()
      .then((user) => {
        const state = user.state as { returnTo?: string } | undefined
        const returnTo = state?.returnTo && state.returnTo.startsWith('/') && !state.returnTo.startsWith('//') && !state.returnTo.startsWith('/auth') ? state.returnTo : '/'
        navigate(returnTo, { replace: true })
      })
      .catch(setError)
  }, [navigate])
  return <main className="mx-auto max-w-md p-6">{error ? <ErrorState error={error} /> : <Loading label="Signing you in…" />}</main>
}
