/** An XMLHttpRequest the test drives: progress events, then the answer media-service would give. */
export class FakeUpload {
  static last?: FakeUpload
  method = ''
  url = ''
  headers: Record<string, string> = {}
  sent?: FormData
  status = 0
  responseText = ''
  private contentType = ''
  upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {}
  onload?: () => void
  onerror?: () => void
  constructor() { FakeUpload.last = this }
  open(method: string, url: string) { this.method = method; this.url = url }
  setRequestHeader(name: string, value: string) { this.headers[name] = value }
  getResponseHeader(name: string) { return name.toLowerCase() === 'content-type' ? this.contentType : null }
  send(body: FormData) { this.sent = body }
  progress(loaded: number, total: number) { this.upload.onprogress?.({ lengthComputable: true, loaded, total }) }
  answer(status: number, body: unknown, contentType = 'application/json') {
    this.status = status
    this.responseText = JSON.stringify(body)
    this.contentType = contentType
    this.onload?.()
  }
}

/** A few bytes that start like a JPEG: enough for the browser side, which never decodes them. */
export const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], 'rash.jpg', { type: 'image/jpeg' })
