import { useQuery } from '@tanstack/react-query';
import { titleOf } from './format.ts';
import { countInbox, listForms } from './inbox-api.ts';

/** The caller's forms (those the counts cover: their scope) with titles where published. */
export function useScopeForms(locale: string) {
  const counts = useQuery({ queryKey: ['inbox', 'counts', ''], queryFn: () => countInbox() });
  const published = useQuery({ queryKey: ['forms'], queryFn: listForms, staleTime: 60_000 });
  const titles = new Map((published.data?.forms ?? []).map((form) => [form.slug, form.title]));
  const forms = Object.keys(counts.data?.forms ?? {}).map((slug) => ({
    slug,
    title: titleOf(titles.get(slug), slug, locale),
  }));
  return { forms, counts, titleFor: (slug: string) => titleOf(titles.get(slug), slug, locale) };
}
