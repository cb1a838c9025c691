import { Market } from '../listings/market.tsx'

export const MarketPage = () => <Market />
