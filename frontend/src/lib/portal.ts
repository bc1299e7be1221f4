// Remembers the portal code last used for an org, so a signed-out viewer can be sent back
// to the right login page. The portal code is not a secret of the user's; it is in the URL.
const key = (slug: string) => `qg:portal:${slug}`;

export function rememberPortal(slug: string, portalCode: string): void {
  try {
    localStorage.setItem(key(slug), portalCode);
  } catch {
    /* storage may be unavailable */
  }
}

export function rememberedPortal(slug: string): string | null {
  try {
    return localStorage.getItem(key(slug));
  } catch {
    return null;
  }
}

export function loginPath(slug: string, portalCode: string): string {
  return `/org/${encodeURIComponent(slug)}/portal/${encodeURIComponent(portalCode)}/login`;
}
