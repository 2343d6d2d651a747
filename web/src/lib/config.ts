/** What /config.json tells the app at runtime (see the server's ConfigResource). */
export interface AppConfig {
  keycloakUrl: string
  realm: string
  clientId: string
  authUrl: string
  appointmentsUrl: string
  chatUrl: string
  chatSocketUrl: string
  notesUrl: string
  mediaUrl: string
}

let current: AppConfig | undefined

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store' })
  if (!response.ok) throw new Error(`The app's configuration could not be loaded (${response.status}).`)
  current = (await response.json()) as AppConfig
  return current
}

export function config(): AppConfig {
  if (!current) throw new Error('configuration not loaded yet')
  return current
}

export function setConfig(value: AppConfig) {
  current = value
}

/** The chat socket: configured, or this page's own host when the app and APIs share one origin. */
export function chatSocketUrl(): string {
  const url = config().chatSocketUrl
  if (url.startsWith('ws')) return url
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${window.location.host}${url || '/ws/chat'}`
}
