/** The chips above the input: context the host attached, and images pasted here. */
import type { AttachmentView } from '../../shared/protocol';
import { attachmentChip } from '../chat/turnParts';
import { h } from '../dom';
import { post } from '../vscodeApi';
import type { LocalImage } from './images';

export class ChipRow {
  readonly element = h('div', { class: 'chips', role: 'list', 'aria-label': 'Context for the next message' });
  private attachments: AttachmentView[] = [];
  private images: LocalImage[] = [];

  get localImages(): readonly LocalImage[] {
    return this.images;
  }

  setAttachments(attachments: AttachmentView[]): void {
    this.attachments = attachments;
    this.render();
  }

  addImages(images: LocalImage[]): void {
    this.images = [...this.images, ...images];
    this.render();
  }

  clearImages(): void {
    this.images = [];
    this.render();
  }

  private render(): void {
    const hostChips = this.attachments.map((a) => attachmentChip(a, () => post({ type: 'removeAttachment', attachmentId: a.id })));
    const imageChips = this.images.map((image) =>
      attachmentChip({ id: image.id, kind: 'image', label: image.name, thumbnail: image.dataUrl, detail: `${image.name} (sent with your next message)` }, () => {
        this.images = this.images.filter((i) => i !== image);
        this.render();
      }),
    );
    const chips = [...hostChips, ...imageChips];
    for (const chip of chips) chip.setAttribute('role', 'listitem');
    this.element.replaceChildren(...chips);
    this.element.hidden = chips.length === 0;
  }
}
