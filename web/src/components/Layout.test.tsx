import { afterEach, describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Route, Routes, useLocation } from 'react-router'
import { mockFetch, renderPage } from '@/test/render'
import { Layout } from './Layout'

afterEach(() => vi.unstubAllGlobals())

function Where() {
  return <p>at {useLocation().pathname}</p>
}

function renderLayout(roles: ('patient' | 'doctor' | 'admin')[]) {
  mockFetch({ 'GET http://chat/api/v1/notifications': { items: [], unreadCount: 0 } })
  return renderPage(
    <Routes><Route element={<Layout />}><Route path="*" element={<Where />} /></Route></Routes>,
    { path: '/*', route: '/visits', roles },
  )
}

describe('Navigation on a narrow screen', () => {
  it('opens a labelled menu sheet with every page link, focus inside, and a chosen link navigates and closes it', async () => {
    renderLayout(['patient'])
    const menu = screen.getByRole('button', { name: 'Menu' })
    expect(menu).toHaveAttribute('aria-haspopup', 'dialog')
    expect(menu).toHaveAttribute('aria-expanded', 'false')

    await userEvent.click(menu)
    const sheet = await screen.findByRole('dialog', { name: 'Menu' })
    expect(menu).toHaveAttribute('aria-expanded', 'true')
    const nav = within(sheet).getByRole('navigation', { name: 'Main' })
    expect(within(nav).getAllByRole('link').map((a) => a.textContent))
      .toEqual(['Find a doctor', 'Visits', 'Chat', 'Journal', 'Prescriptions', 'Photos', 'Profile'])
    expect(within(nav).getByRole('link', { name: 'Visits' })).toHaveAttribute('aria-current', 'page')
    expect(sheet.contains(document.activeElement)).toBe(true)

    await userEvent.click(within(nav).getByRole('link', { name: 'Prescriptions' }))
    expect(screen.getByText('at /prescriptions')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  })

  it('is keyboard-operable: Enter opens it, Escape closes it and gives focus back to the Menu button', async () => {
    renderLayout(['doctor'])
    const menu = screen.getByRole('button', { name: 'Menu' })
    menu.focus()
    await userEvent.keyboard('{Enter}')
    const sheet = await screen.findByRole('dialog', { name: 'Menu' })
    expect(within(sheet).getAllByRole('link').map((a) => a.textContent))
      .toEqual(['Schedule', 'Patients', 'Chat', 'Hours', 'Time off', 'Profile'])
    expect(sheet.contains(document.activeElement)).toBe(true)

    await userEvent.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(menu).toHaveFocus()
  })

  it('has no menu for a visitor who is not signed in to a role', () => {
    renderLayout([])
    expect(screen.queryByRole('button', { name: 'Menu' })).not.toBeInTheDocument()
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument()
  })
})
