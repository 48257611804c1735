/** What the model picker shows of a listed model: images, context size and price. */
import { builtinPrice, type ModelInfo } from '../api';
import type { ModelView } from '../../shared/protocol';

/**
 * The picker entry of `info`. `contextWindow` is the window requests are planned with (learned or
 * from the table), so the picker and the token meter agree. The price is the listing's, else the
 * built-in table's, else left out (an OpenAI-compatible server).
 */
export function modelView(info: ModelInfo, contextWindow: number): ModelView {
  const view: ModelView = { id: info.id, vision: info.acceptsImages === true, contextWindow };
  const price = info.price ?? builtinPrice(info.id);
  if (price) view.price = { inputPerMTok: price.inputPerMTok, outputPerMTok: price.outputPerMTok };
  return view;
}
