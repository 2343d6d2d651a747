// The browser journey against the real stack (started by e2e-tests' WebJourneyIT): Debian's chromium driven by
// playwright-core, axe-core on every page, screenshots at 1280, 390 and 360 px (no sideways scrolling at the phone widths), first-page performance figures.
// Usage: WEB_URL=http://localhost:8080 ADMIN_USER=… ADMIN_PASSWORD=… node e2e/journey.mjs
import { chromium } from 'playwright-core'
import { createRequire } from 'node:module'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const WEB = process.env.WEB_URL ?? 'http://localhost:8080'
const OUT = process.env.SCREENSHOT_DIR ?? join(here, '../target/screenshots')
const REPORT = process.env.REPORT_FILE ?? join(here, '../target/browser-journey.json')
const ADMIN = { user: process.env.ADMIN_USER, password: process.env.ADMIN_PASSWORD }
const suffix = Math.random().toString(36).slice(2, 8)
const PASSWORD = 'Journey-Web-2026'
const patient = { name: `Paula Web ${suffix}`, email: `paula-${suffix}@web.test` }
const doctor = { name: `Dr Wendy Web ${suffix}`, email: `wendy-${suffix}@web.test` }
const report = { steps: [], axe: {}, screenshots: [], performance: {} }
mkdirSync(OUT, { recursive: true })
for (const old of readdirSync(OUT)) if (old.startsWith('failure-')) rmSync(join(OUT, old))

function step(name) {
  const started = Date.now()
  console.log(`[web] ${name}`)
  return () => report.steps.push({ name, ms: Date.now() - started })
}

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`)
}

/** axe-core in the page: serious or critical violations fail the journey. */
/**
 * Stands in for the patient clicking the link of Keycloak's verify-e-mail mail (patients book only with a verified
 * e-mail, issue 16): marks the e-mail verified through Keycloak's admin API before the first sign-in.
 */
async function markEmailVerified(email) {
  const keycloak = process.env.KEYCLOAK_URL ?? 'http://localhost:8180'
  const tokenAnswer = await fetch(`${keycloak}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli',
      username: process.env.KEYCLOAK_ADMIN_USER ?? 'admin', password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin' }),
  })
  assert(tokenAnswer.ok, `Keycloak admin token: ${tokenAnswer.status}`)
  const headers = { Authorization: `Bearer ${(await tokenAnswer.json()).access_token}`, 'Content-Type': 'application/json' }
  const found = await fetch(`${keycloak}/admin/realms/consulta/users?exact=true&email=${encodeURIComponent(email)}`, { headers })
  const users = await found.json()
  assert(users.length === 1, `one Keycloak user for ${email}`)
  const update = await fetch(`${keycloak}/admin/realms/consulta/users/${users[0].id}`,
    { method: 'PUT', headers, body: JSON.stringify({ emailVerified: true }) })
  assert(update.ok, `e-mail marked verified: ${update.status}`)
}

async function axe(page, name) {
  // Evaluated through the DevTools protocol: the app's CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE)
  // the page as it settles, not half-way through a colour transition (a button just selected is briefly pale)
  await page.evaluate(() => Promise.race([
    Promise.all(document.getAnimations()
      .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime))
      .map((a) => a.finished.catch(() => undefined))),
    new Promise((resolve) => setTimeout(resolve, 2_000)),
  ]))
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }))
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  report.axe[name] = result.violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`)
  if (bad.length) {
    throw new Error(`axe found on ${name}: ` + bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('; '))
  }
}

/** Checks a page (axe), saves it at 1280, 390 and 360 px, and asserts that no phone width scrolls sideways. */
async function capture(page, name) {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForFunction(() => !document.querySelector('[role="status"] .animate-pulse, .animate-pulse'), null, { timeout: 15_000 }).catch(() => undefined)
  await axe(page, name)
  for (const width of [1280, 390, 360]) {
    await page.setViewportSize({ width, height: width === 1280 ? 860 : 780 })
    await settled(page)
    const file = join(OUT, `${name}-${width}.png`)
    await page.screenshot({ path: file, fullPage: true })
    report.screenshots.push(file)
    // Keycloak's own login page is not the app's to fix.
    if (width < 1280 && new URL(page.url()).origin === new URL(WEB).origin) await noSidewaysScroll(page, `${name} at ${width} px`)
  }
  await page.setViewportSize({ width: 1280, height: 860 })
}

/** The page fits the viewport's width: nothing makes the whole document scroll horizontally. */
async function noSidewaysScroll(page, where) {
  const { scrollWidth, clientWidth, widest } = await page.evaluate(() => {
    const root = document.documentElement
    // Names the element reaching furthest right, so a failure says what to fix.
    let widest = ''
    let right = root.clientWidth
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect().right
      if (r > right + 0.5) { right = r; widest = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${String(el.className).split(' ').slice(0, 3).join('.')}` }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest }
  })
  assert(scrollWidth <= clientWidth, `${where}: the page scrolls sideways (scrollWidth ${scrollWidth} > clientWidth ${clientWidth}; widest: ${widest})`)
}

/** Two animation frames: the layout for the new viewport has been computed and painted. */
async function settled(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
}

/** A real photo (JPEG from a canvas in the page) to upload: what a phone would send, minus the EXIF. */
async function symptomPhoto(page) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 480
    const g = canvas.getContext('2d')
    g.fillStyle = '#f3d9cf'
    g.fillRect(0, 0, 640, 480)
    g.fillStyle = '#c0504d'
    for (let i = 0; i < 40; i++) { g.beginPath(); g.arc(220 + (i * 37) % 200, 160 + (i * 53) % 160, 6 + i % 9, 0, 7); g.fill() }
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1]
  })
  return { name: 'rash.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') }
}

/** The last photo attached in the open chat thread, loaded through its signed link (not a broken image). */
async function attachedPhotoShown(page) {
  const image = page.locator('[aria-label="Messages"] img[alt="Attached photo"]').last()
  await image.waitFor({ timeout: 30_000 })
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await image.elementHandle(), { timeout: 30_000 })
}

/**
 * The patient writes a journal entry with a photo uploaded in the form. notes-service learns of the upload from
 * media-service's event, so the first save may be refused and sent again by the form: the entry must still appear
 * with its photo loaded through a signed link.
 */
async function journalEntryWithPhoto(page, title) {
  await page.getByLabel('Title', { exact: true }).fill(title)
  await page.getByLabel('Text', { exact: true }).fill('The rash this morning, photo attached.')
  await page.getByLabel('Attach a photo').setInputFiles(await symptomPhoto(page))
  await page.getByRole('list', { name: 'Attached photos' }).getByRole('listitem').first().waitFor({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Add to journal' }).click()
  const image = page.getByRole('img', { name: `Photo attached to "${title}"` })
  await image.waitFor({ timeout: 45_000 })
  await page.waitForFunction((el) => el.complete && el.naturalWidth > 0, await image.elementHandle(), { timeout: 30_000 })
}

async function keycloakLogin(page, user, password) {
  await page.waitForSelector('#username', { timeout: 30_000 })
  await page.fill('#username', user)
  await page.fill('#password', password)
  await page.click('#kc-login')
  await page.waitForURL((url) => url.origin === new URL(WEB).origin && !url.pathname.startsWith('/auth/'), { timeout: 30_000 })
}

async function signIn(page, user, password) {
  await page.goto(WEB + '/')
  await page.getByRole('button', { name: 'Sign in' }).first().click()
  await keycloakLogin(page, user, password)
}

/** Retries an action that depends on events travelling between services (Kafka projections). */
async function eventually(what, action, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs * (Number(process.env.SLOW_FACTOR) || 2)
  let last
  while (Date.now() < deadline) {
    try {
      return await action()
    } catch (e) {
      last = e
      await new Promise((r) => setTimeout(r, 1500))
    }
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s: ${last?.message}`)
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const contextOptions = { viewport: { width: 1280, height: 860 }, locale: 'en-GB', timezoneId: 'Europe/Lisbon' }
const newContext = async () => {
  const context = await browser.newContext(contextOptions)
  context.setDefaultTimeout(30_000)
  return context
}
let exitCode = 0
try {
  // ---- first page: performance, as a visitor sees it
  let done = step('first page: performance and landing')
  // One visit warms the server (and the machine's file cache); the figures come from a second, fresh browser context
  // (empty browser cache), as a new visitor's first page.
  const warm = await newContext()
  await (await warm.newPage()).goto(WEB + '/', { waitUntil: 'load' })
  await warm.close()
  const visitor = await newContext()
  const first = await visitor.newPage()
  await first.goto(WEB + '/', { waitUntil: 'load' })
  await first.getByRole('heading', { name: /Your doctor/ }).waitFor()
  report.performance = await first.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0]
    const scripts = performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
    const interactive = performance.getEntriesByName('consulta-interactive')[0]
    return {
      interactiveMs: interactive ? Math.round(interactive.startTime) : -1,
      domInteractiveMs: Math.round(nav.domInteractive),
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      loadMs: Math.round(nav.loadEventEnd),
      jsTransferredBytes: scripts.reduce((sum, r) => sum + (r.transferSize || r.encodedBodySize || 0), 0),
      jsFiles: scripts.length,
    }
  })
  console.log('[web] first page', JSON.stringify(report.performance))
  // The JS budget is deterministic and always enforced. Time depends on the machine: on a shared, overloaded CI box
  // it is reported, and enforced only with STRICT_PERF=1 (give the machine to the test for that).
  const interactiveOk = report.performance.interactiveMs > 0 && report.performance.interactiveMs < 1500
  report.performance.interactiveWithinBudget = interactiveOk
  if (process.env.STRICT_PERF === '1') assert(interactiveOk, `first page interactive in ${report.performance.interactiveMs} ms (budget 1500)`)
  else if (!interactiveOk) console.warn(`[web] first page interactive in ${report.performance.interactiveMs} ms: over the 1.5 s budget (not enforced without STRICT_PERF=1)`)
  assert(report.performance.jsTransferredBytes < 250 * 1024, `first page JS ${report.performance.jsTransferredBytes} bytes (budget 250 kB gzipped)`)
  await capture(first, 'landing')
  done()

  // ---- a doctor signs up; the pending page
  done = step('doctor signs up and sees the pending-approval page')
  const doctorCtx = await newContext()
  const doc = await doctorCtx.newPage()
  await doc.goto(WEB + '/signup')
  await doc.getByLabel('Doctor').check()
  await doc.getByLabel('Full name').fill(doctor.name)
  await doc.getByLabel('E-mail').fill(doctor.email)
  await doc.getByLabel('Password').fill(PASSWORD)
  await doc.getByLabel('Specialty').fill('Family medicine')
  await doc.getByLabel('Licence number').fill(`PT-${suffix}`)
  await doc.getByLabel('Languages').fill('en, pt')
  await doc.getByLabel('Clinic address').fill('Rua Augusta 1, Lisboa')
  await doc.getByLabel('Consultation fee (EUR)').fill('60')
  await capture(doc, 'signup')
  await doc.getByRole('button', { name: 'Create account' }).click()
  await doc.getByText(/An administrator will review it/).waitFor()
  await doc.getByRole('button', { name: 'Sign in' }).last().click()
  await doc.waitForSelector('#username')
  await capture(doc, 'keycloak-login')
  await keycloakLogin(doc, doctor.email, PASSWORD)
  await doc.getByRole('heading', { name: 'Your account is waiting for approval' }).waitFor()
  await capture(doc, 'pending')
  done()

  // ---- the admin approves the new doctor
  done = step('admin approves the new doctor')
  const adminCtx = await newContext()
  const admin = await adminCtx.newPage()
  await signIn(admin, ADMIN.user, ADMIN.password)
  await admin.waitForURL(/\/admin$/)
  await admin.getByRole('button', { name: `Approve ${doctor.name}` }).waitFor()
  await capture(admin, 'admin')
  await admin.getByRole('button', { name: `Approve ${doctor.name}` }).click()
  await admin.getByRole('button', { name: `Approve ${doctor.name}` }).waitFor({ state: 'detached' })
  done()

  // ---- the doctor signs in again (new role in the token) and publishes hours
  done = step('doctor publishes working hours')
  await doc.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
  await doc.waitForURL(WEB + '/')
  await signIn(doc, doctor.email, PASSWORD)
  await doc.waitForURL(/\/doctor\/schedule/)
  await doc.goto(WEB + '/doctor/hours')
  await doc.getByLabel('Time zone').fill('Europe/Lisbon')
  for (const day of ['Saturday', 'Sunday']) {
    await doc.getByRole('group', { name: day }).getByRole('button', { name: 'Hours' }).click()
  }
  await capture(doc, 'doctor-hours')
  await doc.getByRole('button', { name: 'Save hours' }).click()
  await doc.getByText('Hours saved.').waitFor()
  done()

  // ---- a patient signs up, finds the doctor and books a slot
  done = step('patient signs up, finds the doctor, books')
  const patientCtx = await newContext()
  const pat = await patientCtx.newPage()
  await pat.goto(WEB + '/signup')
  await pat.getByLabel('Full name').fill(patient.name)
  await pat.getByLabel('E-mail').fill(patient.email)
  await pat.getByLabel('Password').fill(PASSWORD)
  await pat.getByLabel('Date of birth').fill('1990-04-12')
  await pat.getByRole('button', { name: 'Create account' }).click()
  await pat.getByText(/Your account is ready/).waitFor()
  await markEmailVerified(patient.email)
  await pat.getByRole('button', { name: 'Sign in' }).last().click()
  await keycloakLogin(pat, patient.email, PASSWORD)
  await pat.waitForURL(/\/doctors$/)
  await eventually('the approved doctor in the directory', async () => {
    await pat.getByLabel('Name or specialty').fill(doctor.name)
    await pat.getByRole('button', { name: 'Search' }).click()
    await pat.getByRole('link', { name: doctor.name }).waitFor({ timeout: 3000 })
  })
  await capture(pat, 'find-doctor')
  await pat.getByRole('link', { name: doctor.name }).click()
  await eventually('free slots for the doctor', async () => {
    await pat.reload()
    await pat.getByRole('heading', { name: 'Free times' }).waitFor()
    const bookOrNone = pat.getByRole('button', { name: /^Book / }).or(pat.getByText(/No free time this week/)).first()
    for (let week = 0; week < 2; week++) {
      await bookOrNone.waitFor()
      if (await pat.getByRole('button', { name: /^Book / }).count()) return
      await pat.getByRole('button', { name: 'Next week' }).click()
    }
    await bookOrNone.waitFor()
    assert(await pat.getByRole('button', { name: /^Book / }).count() > 0, 'a bookable slot')
  })
  await capture(pat, 'doctor-slots')
  await pat.getByRole('button', { name: /^Book / }).first().click()
  const confirm = pat.getByRole('dialog')
  await confirm.getByLabel(/Reason/).fill('Persistent cough')
  await capture(pat, 'book-confirm')
  await confirm.getByRole('button', { name: 'Book this time' }).click()
  await pat.getByText('Your visit is booked.').waitFor()
  await pat.getByText(doctor.name).first().waitFor()
  await capture(pat, 'visits')
  done()

  // ---- the doctor sees it; they chat both ways live
  done = step('doctor sees the booking; chat both ways')
  await doc.goto(WEB + '/doctor/patients')
  await eventually('the patient in the doctor\'s list', async () => {
    await doc.reload()
    await doc.getByRole('link', { name: patient.name }).waitFor({ timeout: 3000 })
  })
  await capture(doc, 'doctor-patients')
  await doc.getByRole('link', { name: patient.name }).click()
  await doc.getByRole('tab', { name: 'Visits' }).waitFor()
  await capture(doc, 'doctor-patient-detail')
  await eventually('a conversation with the patient', async () => {
    await doc.goto(WEB + '/doctor/patients')
    await doc.getByRole('link', { name: patient.name }).click()
    await doc.getByRole('main').getByRole('link', { name: 'Chat' }).click()
    await doc.waitForURL(/\/chat\/[^/?]+$/, { timeout: 5000 })
  })
  await doc.getByRole('textbox', { name: 'Message' }).fill('Hello Paula, how is the cough today?')
  await doc.getByRole('button', { name: 'Send', exact: true }).click()
  await pat.goto(WEB + '/chat')
  await pat.getByRole('link', { name: new RegExp(doctor.name) }).click()
  await pat.locator('[aria-label=\"Messages\"]').getByText('Hello Paula, how is the cough today?').waitFor({ timeout: 15_000 })
  await pat.getByRole('textbox', { name: 'Message' }).fill('Better, thank you doctor')
  await pat.getByRole('button', { name: 'Send', exact: true }).click()
  await doc.locator('[aria-label=\"Messages\"]').getByText('Better, thank you doctor').waitFor({ timeout: 15_000 })
  await doc.getByRole('textbox', { name: 'Message' }).fill('Glad to hear it. See you soon.')
  await doc.getByRole('button', { name: 'Send', exact: true }).click()
  await pat.locator('[aria-label=\"Messages\"]').getByText('Glad to hear it. See you soon.').waitFor({ timeout: 15_000 })
  done()

  // ---- a symptom photo into the chat: the patient attaches it, the doctor sees the image
  done = step('patient sends a symptom photo in the chat; the doctor sees it')
  const photosBefore = await doc.locator('[aria-label="Messages"] img[alt="Attached photo"]').count()
  await pat.getByLabel('Attach a photo').setInputFiles(await symptomPhoto(pat))
  await attachedPhotoShown(pat)
  await doc.locator('[aria-label="Messages"] img[alt="Attached photo"]').nth(photosBefore).waitFor({ timeout: 30_000 })
  await attachedPhotoShown(doc)
  assert(await pat.getByText(/Not sent:/).count() === 0, 'the photo message was accepted')
  await capture(pat, 'chat')
  await capture(doc, 'doctor-chat')
  done()

  // ---- the doctor writes a shared note and a prescription in the patient's record
  done = step('doctor writes a shared note and a prescription')
  const noteTitle = `After the visit ${suffix}`
  await doc.goto(WEB + '/doctor/patients')
  await doc.getByRole('link', { name: patient.name }).click()
  await doc.getByRole('tab', { name: 'Journal' }).click()
  await doc.getByLabel('Title', { exact: true }).fill(noteTitle)
  await doc.getByLabel('Text', { exact: true }).fill('Keep drinking water; the rash should fade within a week.')
  await doc.getByLabel('Who can see it').selectOption('shared')
  await doc.getByRole('button', { name: 'Add to journal' }).click()
  await doc.getByRole('heading', { name: noteTitle }).waitFor()
  await capture(doc, 'doctor-journal')
  await doc.getByRole('tab', { name: 'Prescriptions' }).click()
  const validUntil = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10)
  await doc.getByLabel('Medication', { exact: true }).fill('Cetirizine')
  await doc.getByLabel('Strength', { exact: true }).fill('10 mg')
  await doc.getByLabel('Form', { exact: true }).fill('tablet')
  await doc.getByLabel('Quantity', { exact: true }).fill('14')
  await doc.getByLabel('Dosage instructions', { exact: true }).fill('One tablet each evening')
  await doc.getByLabel('Valid until', { exact: true }).fill(validUntil)
  await doc.getByRole('button', { name: 'Issue prescription' }).click()
  await doc.getByText('Prescription issued.').waitFor()
  await doc.getByRole('list', { name: 'Prescriptions' }).getByRole('heading', { name: 'Cetirizine' }).waitFor()
  await capture(doc, 'doctor-prescriptions')
  done()

  // ---- the patient sees both notifications, reads both, downloads the prescription PDF
  done = step('patient reads the note and the prescription from the bell, downloads the PDF')
  const bell = pat.getByRole('banner').getByRole('button', { name: /^Notifications/ })
  const openFromBell = async (title) => {
    await eventually(`the "${title}" notification`, async () => {
      if (!(await pat.getByRole('heading', { name: 'Notifications' }).isVisible())) await bell.click()
      try {
        await pat.getByRole('button', { name: new RegExp(`^${title} \\(unread\\)`) }).waitFor({ timeout: 5000 })
      } catch (e) {
        await pat.reload() // the live frame may have come before the socket was up: read the list afresh
        throw e
      }
    })
    await capture(pat, 'notifications')
    await pat.getByRole('button', { name: new RegExp(`^${title} \\(unread\\)`) }).click()
  }
  await openFromBell('New note')
  await pat.waitForURL(/\/journal$/)
  await pat.getByRole('heading', { name: noteTitle }).waitFor()
  await pat.getByText('Keep drinking water; the rash should fade within a week.').waitFor()
  await openFromBell('New prescription')
  await pat.waitForURL(/\/prescriptions$/)
  const rx = pat.getByRole('list', { name: 'Prescriptions' }).getByRole('listitem').filter({ hasText: 'Cetirizine' }).first()
  await rx.getByText(/One tablet each evening/).waitFor()
  const [download] = await Promise.all([pat.waitForEvent('download'), rx.getByRole('button', { name: 'PDF' }).click()])
  const pdf = readFileSync(await download.path())
  assert(pdf.subarray(0, 5).toString('latin1') === '%PDF-', `the download is a PDF (starts ${JSON.stringify(pdf.subarray(0, 8).toString('latin1'))})`)
  assert(pdf.length > 1000, `the PDF has content (${pdf.length} bytes)`)
  assert(download.suggestedFilename().endsWith('.pdf'), `a .pdf file name (${download.suggestedFilename()})`)
  report.prescriptionPdfBytes = pdf.length
  await bell.click()
  await pat.getByRole('heading', { name: 'Notifications' }).waitFor()
  await pat.getByRole('button', { name: /^New prescription/ }).waitFor()
  await pat.getByRole('button', { name: /^New (note|prescription) \(unread\)/ }).waitFor({ state: 'detached' })
  await pat.keyboard.press('Escape')
  done()

  // ---- the doctor runs the visit to fulfilled
  done = step('doctor runs the visit: check-in, start, complete')
  await doc.goto(WEB + '/doctor/schedule')
  await doc.getByRole('button', { name: 'Week' }).click()
  let found = false
  for (let week = 0; week < 3 && !found; week++) {
    if (week > 0) await doc.getByRole('button', { name: 'Next week' }).click()
    await doc.getByRole('button', { name: 'Check in' }).or(doc.getByText(/No visits this week/)).first().waitFor()
    found = await doc.getByRole('button', { name: 'Check in' }).count() > 0
  }
  assert(found, 'the booked visit in the doctor\'s week view')
  await capture(doc, 'doctor-schedule')
  await doc.getByRole('button', { name: 'Check in' }).first().click()
  await doc.getByText('Checked in').first().waitFor()
  await doc.getByRole('button', { name: 'Start' }).first().click()
  await doc.getByRole('button', { name: 'Complete' }).first().waitFor()
  await doc.getByRole('button', { name: 'Complete' }).first().click()
  await doc.getByText('Done').first().waitFor()
  await pat.goto(WEB + '/visits')
  await pat.getByText('Done').first().waitFor()
  done()

  // ---- keyboard only: the skip link and the main navigation are reachable
  done = step('keyboard: skip link and navigation; the phone menu')
  await pat.goto(WEB + '/visits')
  await pat.getByRole('heading', { name: 'Your visits' }).waitFor()
  await pat.keyboard.press('Tab')
  assert(await pat.evaluate(() => document.activeElement?.textContent) === 'Skip to content', 'first Tab reaches the skip link')
  await pat.keyboard.press('Enter')
  assert(await pat.evaluate(() => location.hash) === '#main', 'the skip link moves to the content')
  // on a phone the links are behind the Menu button: opened with the keyboard, a link chosen, the sheet gone
  await pat.setViewportSize({ width: 390, height: 844 })
  await settled(pat)
  await pat.getByRole('button', { name: 'Menu' }).focus()
  await pat.keyboard.press('Enter')
  const sheet = pat.getByRole('dialog', { name: 'Menu' })
  await sheet.waitFor()
  await axe(pat, 'menu')
  await pat.screenshot({ path: join(OUT, 'menu-390.png') })
  report.screenshots.push(join(OUT, 'menu-390.png'))
  await sheet.getByRole('link', { name: 'Prescriptions' }).click()
  await pat.waitForURL(WEB + '/prescriptions')
  await sheet.waitFor({ state: 'hidden' })
  await pat.setViewportSize({ width: 1280, height: 860 })
  done()

  // ---- remaining pages: profile, journal, prescriptions, photos (their services' APIs may not be there yet)
  done = step('profile and clinical pages render; a journal entry with an uploaded photo')
  await pat.goto(WEB + '/profile')
  await pat.getByLabel('Full name').waitFor()
  await capture(pat, 'profile')
  for (const page of ['journal', 'prescriptions', 'photos']) {
    await pat.goto(WEB + '/' + page)
    await pat.getByRole('heading', { level: 1 }).waitFor()
    if (page === 'journal') await journalEntryWithPhoto(pat, `Rash today ${suffix}`)
    await capture(pat, page)
  }
  await doc.goto(WEB + '/doctor/time-off')
  await doc.getByRole('heading', { name: 'Time off' }).waitFor()
  await capture(doc, 'doctor-time-off')
  done()
} catch (error) {
  exitCode = 1
  report.error = String(error?.stack ?? error)
  console.error('[web] FAILED:', error)
  // What each browser showed when it failed, for the person reading the log.
  let n = 0
  for (const context of browser.contexts()) {
    for (const page of context.pages()) {
      const file = join(OUT, `failure-${++n}.png`)
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined)
      console.error(`[web] page ${n} was at ${page.url()} (${file})`)
    }
  }
} finally {
  writeFileSync(REPORT, JSON.stringify(report, null, 2))
  await browser.close()
}
process.exit(exitCode)
