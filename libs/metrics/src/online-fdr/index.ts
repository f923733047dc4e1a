// Online false discovery rate control: tests that arrive one at a time, each decided for good.
export { lordLevel, lordPayout, lordPlusPlus, type LordOptions, type LordStep } from './lord';
export {
  javanmardMontanariGamma,
  JAVANMARD_MONTANARI_C,
  uniformGamma,
  type GammaSequence,
} from './gamma-sequences';
