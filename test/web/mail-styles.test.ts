import { describe, expect, it } from 'vitest';
import { detachStyles } from '../../web/src/features/console/forms/settings/mail-styles.ts';

describe('the mail preview without inline styles in its markup', () => {
  it('renames every style attribute of a tag and leaves text that merely says style= alone', () => {
    const { markup } = detachStyles(
      '<body style="margin:0"><th scope="row" style="color:#444">style=&quot;x&quot;</th><a href="https://x.org/?a=1&amp;b=2" style="display:inline-block">Go</a></body>',
    );
    expect(markup).toBe(
      '<body data-mail-style="margin:0"><th scope="row" data-mail-style="color:#444">style=&quot;x&quot;</th><a href="https://x.org/?a=1&amp;b=2" data-mail-style="display:inline-block">Go</a></body>',
    );
    expect(markup).not.toMatch(/\sstyle=/);
  });

  it('takes <style> elements out of the markup', () => {
    const { markup } = detachStyles(
      '<head><style>p { color: red }</style><STYLE media="x">a{}</STYLE></head><p>Hi</p>',
    );
    expect(markup).toBe('<head></head><p>Hi</p>');
  });
});
