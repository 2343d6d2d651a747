import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import { loadConfig } from '@/lib/config'
import { createUserManager } from '@/auth/session'
import { App } from './App'

const root = createRoot(document.getElementById('root')!)

loadConfig()
  .then((cfg) => {
    const manager = createUserManager(cfg)
    root.render(<StrictMode><App manager={manager} /></StrictMode>)
  })
  .catch((error: Error) => {
    root.render(<main className="p-6"><h1 className="text-xl font-semibold">Consulta is not available</h1><p role="alert">{error.message}</p></main>)
  })
