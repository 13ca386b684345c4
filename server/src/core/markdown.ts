/**
 * Text from a reply, its register or its project file shown in Markdown (hovers): every ASCII
 * punctuation character is backslash-escaped, which CommonMark allows for all of them. Then no
 * link, image (`![](https://…)` would be fetched), HTML tag, emphasis or code span can start in it,
 * and no bare URL or e-mail address is linked (GFM autolinks need `://`, `www.` or `@` unescaped).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
