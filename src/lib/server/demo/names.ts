import type { Rng } from './prng';

/** Common surnames, weighted by repetition; 冉, 向, 谭, 牟 are typical of Chongqing. */
const SURNAMES = (
	'王王王李李李张张张刘刘刘陈陈陈杨杨黄黄赵吴周周徐孙马朱胡胡郭何何高林罗罗郑梁谢宋唐唐许韩冯冯邓邓' +
	'曹彭彭曾肖田董袁潘蒋蔡余余杜叶程苏魏吕丁任沈姚卢姜钟谭谭谭陆范石廖贾夏韦付方白邹孟熊秦秦邱江尹' +
	'雷侯龙史陶黎贺顾毛龚邵万严覃武戴向向冉冉牟喻税代文游蒲'
).split('');

/** Characters of men's given names. */
const MALE_CHARS =
	'伟强军勇刚平杰涛斌波辉明建国华文东林峰磊鹏浩宇志兵成松海洪亮毅俊晓德福贵云川渝江'.split('');

/** Characters of women's given names. */
const FEMALE_CHARS = '芳敏静丽娟艳红霞燕玲萍琴英梅兰凤雪洁琳倩颖婷媛丹蓉春秋慧晓佳欣玉莉月桂'.split(
	''
);

/** A Chinese full name of the given gender: a surname and one or two given-name characters. */
export function personName(rng: Rng, gender: '男' | '女'): string {
	const chars = gender === '男' ? MALE_CHARS : FEMALE_CHARS;
	const given = rng.chance(0.7) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
	return rng.pick(SURNAMES) + (given.length === 2 && given[0] === given[1] ? given[0] : given);
}

/** Road names for street addresses (…路, …街, …大道). */
export const ROADS: readonly string[] =
	'人民路 建设路 解放路 新华路 滨江路 和平路 中山路 朝阳路 文化路 兴业路 迎宾大道 学府大道 环城路 南街 正街 北新路 幸福街 团结路 红星路 双桂路'.split(
		' '
	);

/** Villages (…村) and communities (…社区) that deputies serve. */
export const VILLAGE_STEMS: readonly string[] =
	'石桥 龙井 柏林 新华 三合 白果 金竹 桂花 青龙 大坪 马鞍 长岭 花园 黄桷 双河 太平 红岩 水井 梨树 松林'.split(
		' '
	);

/** Given-name-like stems for company names (重庆…实业有限公司). */
export const COMPANY_STEMS: readonly string[] =
	'渝丰 瑞达 恒信 川江 金桥 华禹 鑫源 德润 绿野 巴渝 嘉陵 山城 三峡 锦程 宏远'.split(' ');
