import { useEffect, useState } from 'react';
import { usePreference } from '@/components/hooks/use-preference';
import { getRelatedPlacement, hideOnSite, unhideSite } from '@/lib/content/hidden-sites';
import { PREFERENCES, watchPreference } from '@/lib/settings/preferences';
import { type RelatedPlacement, setRelatedPlacement } from '@/lib/settings/related-placement';

/**
 * Where related articles appear and the sites where they never do, with what to tell the user
 * when a choice did not take (a refused permission, a site name that is not one).
 */
export function useRelatedSettings() {
  const [placement, setPlacement] = useState<RelatedPlacement | null>(null);
  // Live: "Don't show on this site" in a page's box adds one while Settings is open.
  const hiddenSites = usePreference(PREFERENCES.relatedHiddenSites) ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  /** The notice says the typed site is not one (the field is then marked invalid). */
  const [siteRefused, setSiteRefused] = useState(false);
  useEffect(() => {
    let current = true;
    void getRelatedPlacement().then((stored) => current && setPlacement(stored));
    // Live: "Delete everything", a restored backup, sync or the background (a permission taken back)
    // change it while Settings is open (QA pass: "Nowhere" stayed checked once everything was deleted).
    const stop = watchPreference(PREFERENCES.relatedPlacement, setPlacement);
    return () => {
      current = false;
      stop();
    };
  }, []);

  return {
    placement,
    hiddenSites,
    notice,
    siteRefused,
    /** Call it right in the click: "every site" asks for a permission, which needs the user's gesture. */
    choosePlacement(next: RelatedPlacement) {
      void setRelatedPlacement(next).then(
        (change) => {
          setPlacement(change.placement);
          setSiteRefused(false);
          setNotice(
            change.refused
              ? 'Related articles stay where they were: showing them on every site needs the permission to read the sites you visit, which was not given.'
              : null,
          );
        },
        // The request failed (no user gesture, a closed prompt) or the choice could not be stored: what
        // is shown is what is stored, not "blog only" whatever it was (QA pass: "Nowhere" turned into it).
        (error: unknown) => {
          void getRelatedPlacement().then(setPlacement);
          setSiteRefused(false);
          setNotice(`Related articles stay where they were: ${(error as Error).message}`);
        },
      );
    },
    /** Adds a site from what the user typed; resolves to whether it was one. */
    async addSite(input: string): Promise<boolean> {
      const site = await hideOnSite(input);
      setSiteRefused(site === null);
      setNotice(
        site
          ? null
          : input.trim() === ''
            ? 'Type a site first: a name like example.com, or paste an address.'
            : `“${input.trim().slice(0, 80)}” is not a site: type a name like example.com, or paste an address.`,
      );
      return site !== null;
    },
    removeSite(site: string) {
      void unhideSite(site);
    },
  };
}
