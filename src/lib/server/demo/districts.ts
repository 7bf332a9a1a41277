/** One of Chongqing's 38 districts and counties, with what the generator needs to know of it. */
export interface District {
	/** Official name, e.g. 渝中区, 石柱土家族自治县. */
	name: string;
	/** Toneless pinyin, used for refs and the unit's account. */
	slug: string;
	/** GB/T 2260 area code, the first six digits of a resident's ID number. */
	areaCode: string;
	postcode: string;
	/** Southeastern counties where 土家族 and 苗族 residents are common. */
	minorityArea: boolean;
	/** Streets (街道) and towns (…镇/…乡) where deputy homes and stations sit. */
	places: string[];
}

/** Short form used in running text: 渝中区 → 渝中, 石柱土家族自治县 → 石柱. */
export function shortName(district: District): string {
	const match = /^(.+?)(土家族|苗族).*自治县$/.exec(district.name);
	if (match?.[1]) return match[1];
	return district.name.length > 2 ? district.name.slice(0, -1) : district.name;
}

// slug | name | area code | postcode | minority area (1) | streets without suffix, towns with 镇/乡
const TABLE = [
	'yuzhong|渝中区|500103|400010|0|解放碑 七星岗 大溪沟 上清寺 两路口 菜园坝 化龙桥 石油路 大坪 朝天门',
	'jiangbei|江北区|500105|400020|0|观音桥 华新街 五里店 石马河 大石坝 寸滩 郭家沱 铁山坪 鱼嘴镇 复盛镇 五宝镇',
	'shapingba|沙坪坝区|500106|400030|0|小龙坎 磁器口 童家桥 井口 歌乐山 山洞 新桥 天星桥 覃家岗 陈家桥 虎溪 青木关镇 凤凰镇 回龙坝镇',
	'jiulongpo|九龙坡区|500107|400050|0|杨家坪 黄桷坪 谢家湾 石坪桥 石桥铺 中梁山 渝州路 二郎 华岩 西彭镇 铜罐驿镇 陶家镇 白市驿镇 走马镇',
	'nanan|南岸区|500108|400060|0|铜元局 花园路 南坪 海棠溪 龙门浩 弹子石 南山 天文 长生桥镇 峡口镇 广阳镇 迎龙镇',
	'beibei|北碚区|500109|400700|0|天生 朝阳 北温泉 东阳 龙凤桥 歇马 蔡家岗 澄江镇 童家溪镇 天府镇 施家梁镇 静观镇 柳荫镇 三圣镇 金刀峡镇',
	'yubei|渝北区|500112|401120|0|双龙湖 回兴 宝圣湖 仙桃 龙塔 龙溪 龙山 人和 悦来 统景镇 大盛镇 洛碛镇 木耳镇 兴隆镇 茨竹镇 古路镇',
	'banan|巴南区|500113|401320|0|鱼洞 龙洲湾 李家沱 花溪 南泉 一品 界石镇 木洞镇 双河口镇 麻柳嘴镇 丰盛镇 二圣镇 东温泉镇 姜家镇 天星寺镇',
	'wanzhou|万州区|500101|404000|0|高笋塘 太白 牌楼 龙都 周家坝 沙河 钟鼓楼 百安坝 五桥 陈家坝 分水镇 龙驹镇 武陵镇 长岭镇 甘宁镇',
	'fuling|涪陵区|500102|408000|0|敦仁 崇义 荔枝 江东 李渡 龙桥 马武镇 南沱镇 青羊镇 百胜镇 珍溪镇 清溪镇 焦石镇 蔺市镇',
	'qianjiang|黔江区|500114|409000|1|城东 城南 城西 正阳 舟白 冯家 濯水镇 阿蓬江镇 石会镇 黑溪镇 黄溪镇 小南海镇 邻鄂镇',
	'changshou|长寿区|500115|401220|0|凤城 晏家 江南 渡舟 菩提 邻封镇 但渡镇 云集镇 长寿湖镇 双龙镇 龙河镇 石堰镇 葛兰镇',
	'jiangjin|江津区|500116|402260|0|几江 德感 鼎山 双福 圣泉 白沙镇 石门镇 吴滩镇 朱杨镇 先锋镇 李市镇 慈云镇 贾嗣镇 油溪镇 西湖镇',
	'hechuan|合川区|500117|401520|0|合阳城 钓鱼城 南津街 盐井 草街 云门 大石 沙鱼镇 官渡镇 涞滩镇 肖家镇 古楼镇 三庙镇 二郎镇 龙凤镇 隆兴镇',
	'yongchuan|永川区|500118|402160|0|中山路 胜利路 南大街 茶山竹海 大安 陈食 卫星湖 朱沱镇 吉安镇 五间镇 来苏镇 宝峰镇 仙龙镇 松溉镇 何埂镇 板桥镇',
	'nanchuan|南川区|500119|408400|0|东城 南城 西城 三泉镇 南平镇 神童镇 鸣玉镇 大观镇 兴隆镇 太平场镇 水江镇 金山镇',
	'qijiang|綦江区|500110|401420|0|古南 文龙 三江 万东 新盛 通惠 石角镇 东溪镇 赶水镇 打通镇 石壕镇 永新镇 三角镇 隆盛镇 郭扶镇',
	'dazu|大足区|500111|402360|0|龙岗 棠香 智凤 龙水镇 宝顶镇 中敖镇 三驱镇 宝兴镇 玉龙镇 石马镇 拾万镇 回龙镇 邮亭镇 万古镇',
	'bishan|璧山区|500120|402760|0|璧城 璧泉 青杠 来凤 丁家 大路 八塘镇 七塘镇 河边镇 福禄镇 大兴镇 正兴镇 广普镇 三合镇 健龙镇',
	'tongliang|铜梁区|500151|402560|0|巴川 东城 南城 蒲吕 旧县 土桥镇 二坪镇 水口镇 安居镇 白羊镇 平滩镇 石鱼镇 福果镇 维新镇 大庙镇 围龙镇 华兴镇',
	'tongnan|潼南区|500152|402660|0|梓潼 桂林 大佛 上和镇 龙形镇 古溪镇 宝龙镇 玉溪镇 米心镇 群力镇 双江镇 花岩镇 柏梓镇 崇龛镇 塘坝镇',
	'rongchang|荣昌区|500153|402460|0|昌元 昌州 广顺 双河 安富 峰高 荣隆镇 仁义镇 盘龙镇 吴家镇 河包镇 古昌镇 万灵镇 清升镇',
	'kaizhou|开州区|500154|405400|0|汉丰 文峰 云枫 镇东 丰乐 白鹤 赵家 大德镇 镇安镇 厚坝镇 金峰镇 温泉镇 郭家镇 白桥镇 和谦镇 南雅镇',
	'liangping|梁平区|500155|405200|0|梁山 双桂 仁贤镇 礼让镇 云龙镇 屏锦镇 袁驿镇 新盛镇 福禄镇 聚奎镇 明达镇 合兴镇 虎城镇',
	'wulong|武隆区|500156|408500|1|凤山 芙蓉 白马镇 江口镇 火炉镇 鸭江镇 羊角镇 长坝镇 平桥镇 桐梓镇 土坎镇 和顺镇 仙女山镇',
	'dadukou|大渡口区|500104|400080|0|新山村 跃进村 九宫庙 茄子溪 春晖路 八桥镇 建胜镇 跳磴镇',
	'chengkou|城口县|500229|405900|0|葛城 复兴 巴山镇 坪坝镇 庙坝镇 明通镇 修齐镇 高观镇 高燕镇 东安镇 咸宜镇 龙田乡',
	'fengdu|丰都县|500230|408200|0|三合 名山 虎威镇 社坛镇 三元镇 许明寺镇 董家镇 树人镇 十直镇 高家镇 兴义镇 双路镇 江池镇 包鸾镇',
	'dianjiang|垫江县|500231|408300|0|桂阳 桂溪 新民镇 沙坪镇 周嘉镇 普顺镇 永安镇 高安镇 高峰镇 五洞镇 澄溪镇 太平镇 鹤游镇 杠家镇',
	'zhongxian|忠县|500233|404300|0|忠州 白公 新生 任家镇 洋渡镇 东溪镇 复兴镇 石宝镇 汝溪镇 野鹤镇 官坝镇 石黄镇 马灌镇 金鸡镇 拔山镇',
	'yunyang|云阳县|500235|404500|0|双江 青龙 人和 盘龙 龙角镇 故陵镇 红狮镇 路阳镇 农坝镇 渠马镇 黄石镇 巴阳镇 沙市镇 鱼泉镇 凤鸣镇 南溪镇',
	'fengjie|奉节县|500236|404600|0|永安 鱼复 夔门 夔州 草堂镇 汾河镇 康乐镇 大树镇 竹园镇 公平镇 朱衣镇 甲高镇 羊市镇 吐祥镇 白帝镇',
	'wushan|巫山县|500237|404700|0|高唐 龙门 庙宇镇 大昌镇 福田镇 龙溪镇 双龙镇 官渡镇 骡坪镇 抱龙镇 官阳镇 铜鼓镇',
	'wuxi|巫溪县|500238|405800|0|柏杨 宁河 城厢镇 凤凰镇 尖山镇 宁厂镇 上磺镇 古路镇 文峰镇 徐家镇 白鹿镇 塘坊镇',
	'shizhu|石柱土家族自治县|500240|409100|1|南宾 万安 下路 西沱镇 悦崃镇 临溪镇 黄水镇 马武镇 沙子镇 王场镇 沿溪镇 龙沙镇 鱼池镇 三河镇 大歇镇',
	'xiushan|秀山土家族苗族自治县|500241|409900|1|中和 乌杨 平凯 官庄 清溪场镇 隘口镇 溶溪镇 龙池镇 石堤镇 峨溶镇 洪安镇 雅江镇 石耶镇 梅江镇',
	'youyang|酉阳土家族苗族自治县|500242|409800|1|桃花源 龙潭镇 麻旺镇 酉酬镇 大溪镇 兴隆镇 黑水镇 丁市镇 龚滩镇 李溪镇 泔溪镇 酉水河镇 苍岭镇 小河镇',
	'pengshui|彭水苗族土家族自治县|500243|409600|1|汉葭 绍庆 靛水 保家镇 郁山镇 高谷镇 桑柘镇 鹿角镇 黄家镇 普子镇 龙射镇 连湖镇 万足镇'
];

/** The 38 districts and counties, in a fixed order (central districts first, autonomous counties last). */
export const DISTRICTS: readonly District[] = TABLE.map((row) => {
	const [slug, name, areaCode, postcode, minority, places] = row.split('|') as [
		string,
		string,
		string,
		string,
		string,
		string
	];
	return {
		slug,
		name,
		areaCode,
		postcode,
		minorityArea: minority === '1',
		places: places.split(' ')
	};
});

/** A place's full name: towns keep their suffix, streets get 街道. */
export function placeName(place: string): string {
	return /[镇乡]$/.test(place) ? place : `${place}街道`;
}
