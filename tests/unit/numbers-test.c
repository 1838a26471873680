/*
 * numbers-test - unit tests of the numeral parser (lib/numbers.c) through
 * the API of rpt.h: rpt_numbers() with and without all,
 * rpt_quantity_context(), rpt_cn_number() and rpt_cn_digit().
 *
 *	numbers-test [-v]		run the cases (-v: name each one)
 *	numbers-test -d TEXT...		print the mentions in each TEXT (all set)
 *
 * A case is a paragraph and the mentions rpt_numbers() must find in it
 * with all set, one line "kind value max unit qual text" each (TABs
 * between; text is the span p[off, off + len)); without all it must find
 * exactly the quantities among them.  Where issue 4 does not say how -a
 * writes a non-quantity, a case lists only the quantities (Q, not C) and
 * -a may add any non-quantity.  In a case, "{X*N}" stands for X repeated N
 * times and "{^}" marks where the scan starts (rpt_numbers()'s skip).
 *
 * Each case runs in a child process with a time and a memory limit, on a
 * copy of the paragraph of exactly its length (AddressSanitizer sees a
 * read past the end), so that a crash or a hang fails the case, not the
 * run.  Every mention is also checked for what holds of all: inside the
 * paragraph, in order, on character boundaries, a plain decimal value (ISO
 * 8601 for a date), a max exactly for a range, no value for a
 * non-quantity (tests/numbers-check.h, shared with the fuzz target).
 *
 * Prints the failures and last the line "numbers-test: N passed, M
 * failed"; exits 1 when a case failed.
 */
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rpt.h"
#include "../numbers-check.h"

/* Seconds a case may run, and bytes it may allocate, before it fails. */
#define TIMEOUT		5
#define MEMORY_MAX	(512L * 1024 * 1024)
/* Cases run at once. */
#define JOBS		16

/* One mention as a case writes it. */
#define M(kind, value, max, unit, qual, text) \
	kind "\t" value "\t" max "\t" unit "\t" qual "\t" text "\n"
/* A non-quantity, written with all only. */
#define N(kind, text)	M(kind, "", "", "", "exact", text)

struct tcase {
	const char	*what;
	const char	*in;
	const char	*want;
	int		 flags;
};
/* want lists the quantities only: -a may add any non-quantity. */
#define QONLY	1

/* A case; one that lists only the quantities. */
#define C(what, in, want)	{ what, in, want, 0 }
#define Q(what, in, want)	{ what, in, want, QONLY }

static const struct tcase cases[] = {
	/* Arabic digits. */
	C("ASCII digits", "发放资料4000份。", M("count", "4000", "", "份", "exact", "4000份")),
	C("full-width digits", "全市２０２３年完成１２３４件。",
	    M("year", "2023", "", "年", "exact", "２０２３年")
	    M("count", "1234", "", "件", "exact", "１２３４件")),
	C("full-width decimal point", "处罚金１．５万元。",
	    M("money", "15000", "", "元", "exact", "１．５万元")),
	C("decimals", "增长1.5%，面积3.75平方公里。",
	    M("percent", "1.5", "", "%", "exact", "1.5%")
	    M("count", "3.75", "", "平方公里", "exact", "3.75平方公里")),
	C("no leading or trailing zeros", "增长0.05%，3.50%，100.0%，0人。",
	    M("percent", "0.05", "", "%", "exact", "0.05%")
	    M("percent", "3.5", "", "%", "exact", "3.50%")
	    M("percent", "100", "", "%", "exact", "100.0%")
	    M("count", "0", "", "人", "exact", "0人")),
	C("thousands separators", "共1,234人，12,345,678元，1,234,567人。",
	    M("count", "1234", "", "人", "exact", "1,234人")
	    M("money", "12345678", "", "元", "exact", "12,345,678元")
	    M("count", "1234567", "", "人", "exact", "1,234,567人")),
	C("the Chinese comma is no thousands separator", "共1，234人。",
	    N("vague", "1")
	    M("count", "234", "", "人", "exact", "234人")),
	C("a comma not before a group of 3 is none", "共1,23人，1,2345人。",
	    N("vague", "1")
	    M("count", "23", "", "人", "exact", "23人")
	    N("vague", "1")
	    M("count", "2345", "", "人", "exact", "2345人")),
	C("a space between number and unit", "开展4 次，2023 年完成。",
	    M("count", "4", "", "次", "exact", "4 次")
	    M("year", "2023", "", "年", "exact", "2023 年")),
	C("single spaces between old typeset digits", "1998年完成7 4 7 7 2 亿元，7 4 7 7 2亿元。",
	    M("year", "1998", "", "年", "exact", "1998年")
	    M("money", "7477200000000", "", "元", "exact", "7 4 7 7 2 亿元")
	    M("money", "7477200000000", "", "元", "exact", "7 4 7 7 2亿元")),

	/* Chinese numerals. */
	C("一 to 九十九, 两", "一人，九人，十人，十二次，二十次，九十九人，两次，三场。",
	    M("count", "1", "", "人", "exact", "一人")
	    M("count", "9", "", "人", "exact", "九人")
	    M("count", "10", "", "人", "exact", "十人")
	    M("count", "12", "", "次", "exact", "十二次")
	    M("count", "20", "", "次", "exact", "二十次")
	    M("count", "99", "", "人", "exact", "九十九人")
	    M("count", "2", "", "次", "exact", "两次")
	    M("count", "3", "", "场", "exact", "三场")),
	C("一万二千三百", "一万二千三百人。",
	    M("count", "12300", "", "人", "exact", "一万二千三百人")),
	C("三万五", "三万五人。", M("count", "35000", "", "人", "exact", "三万五人")),
	C("零 inside a number", "两千零五件，一百零八人，一千零一人。",
	    M("count", "2005", "", "件", "exact", "两千零五件")
	    M("count", "108", "", "人", "exact", "一百零八人")
	    M("count", "1001", "", "人", "exact", "一千零一人")),
	C("十百千万亿 combinations",
	    "三百五十人，一千人，十万人，三亿人，一亿二千万人，十二万三千四百五十六人，两万三千人，十一万人，五千万人，三千五百人，三百五人，三亿五人。",
	    M("count", "350", "", "人", "exact", "三百五十人")
	    M("count", "1000", "", "人", "exact", "一千人")
	    M("count", "100000", "", "人", "exact", "十万人")
	    M("count", "300000000", "", "人", "exact", "三亿人")
	    M("count", "120000000", "", "人", "exact", "一亿二千万人")
	    M("count", "123456", "", "人", "exact", "十二万三千四百五十六人")
	    M("count", "23000", "", "人", "exact", "两万三千人")
	    M("count", "110000", "", "人", "exact", "十一万人")
	    M("count", "50000000", "", "人", "exact", "五千万人")
	    M("count", "3500", "", "人", "exact", "三千五百人")
	    M("count", "350", "", "人", "exact", "三百五人")
	    M("count", "350000000", "", "人", "exact", "三亿五人")),
	C("the largest value in 64 bits", "共一千亿亿元。",
	    M("money", "10000000000000000000", "", "元", "exact", "一千亿亿元")),
	C("二〇二三年, 二零二三年", "二〇二三年，二零二三年。",
	    M("year", "2023", "", "年", "exact", "二〇二三年")
	    M("year", "2023", "", "年", "exact", "二零二三年")),
	C("三点五", "三点五公里，零点五个百分点。",
	    M("count", "3.5", "", "公里", "exact", "三点五公里")
	    M("points", "0.5", "", "百分点", "exact", "零点五个百分点")),
	C("三点五万", "三点五万元。", M("money", "35000", "", "元", "exact", "三点五万元")),
	C("百分之九十八", "百分之九十八，百分之三点五，百分之五十以上。",
	    M("percent", "98", "", "%", "exact", "百分之九十八")
	    M("percent", "3.5", "", "%", "exact", "百分之三点五")
	    M("percent", "50", "", "%", "at_least", "百分之五十以上")),
	C("三分之一", "三分之一，三分之二。",
	    M("ratio", "0.333333", "", "", "exact", "三分之一")
	    M("ratio", "0.666667", "", "", "exact", "三分之二")),
	C("十余, 百余", "十余人，百余人，千余人。",
	    M("count", "10", "", "人", "over", "十余人")
	    M("count", "100", "", "人", "over", "百余人")
	    M("count", "1000", "", "人", "over", "千余人")),
	C("traditional 萬 億 兩 餘", "兩萬人，三千餘份，一億元，五萬餘人，十萬元，處罰金1.3萬元。",
	    M("count", "20000", "", "人", "exact", "兩萬人")
	    M("count", "3000", "", "份", "over", "三千餘份")
	    M("money", "100000000", "", "元", "exact", "一億元")
	    M("count", "50000", "", "人", "over", "五萬餘人")
	    M("money", "100000", "", "元", "exact", "十萬元")
	    M("money", "13000", "", "元", "exact", "1.3萬元")),
	C("零 and 无一 zero counts", "零复议、零诉讼，无一起，无一例。",
	    M("count", "0", "", "", "exact", "零复议")
	    M("count", "0", "", "", "exact", "零诉讼")
	    M("count", "0", "", "起", "exact", "无一起")
	    M("count", "0", "", "例", "exact", "无一例")),

	/* Multipliers, exact on the decimal digits. */
	C("exact decimal multipliers", "处罚金1.3万元，补助2.01万元，总额1.26万亿元，覆盖5000万人。",
	    M("money", "13000", "", "元", "exact", "1.3万元")
	    M("money", "20100", "", "元", "exact", "2.01万元")
	    M("money", "1260000000000", "", "元", "exact", "1.26万亿元")
	    M("count", "50000000", "", "人", "exact", "5000万人")),
	C("multipliers before other units", "约1.5亿元，1.5万平方米，突破100万人。",
	    M("money", "150000000", "", "元", "approx", "约1.5亿元")
	    M("count", "15000", "", "平方米", "exact", "1.5万平方米")
	    M("count", "1000000", "", "人", "over", "突破100万人")),
	C("余/多 before 万", "投资3000余万元，3000多万元，20余万人。",
	    M("money", "30000000", "", "元", "over", "3000余万元")
	    M("money", "30000000", "", "元", "over", "3000多万元")
	    M("count", "200000", "", "人", "over", "20余万人")),

	/* Kinds. */
	C("percent with ％", "满意率98％。", M("percent", "98", "", "%", "exact", "98％")),
	C("points", "下降0.5个百分点。", M("points", "0.5", "", "百分点", "exact", "0.5个百分点")),
	C("multiple", "翻一番，提高1倍，增长2.5倍。",
	    M("multiple", "1", "", "番", "exact", "一番")
	    M("multiple", "1", "", "倍", "exact", "1倍")
	    M("multiple", "2.5", "", "倍", "exact", "2.5倍")),
	C("year", "2023年度，2023 年度，2023法治政府建设工作。",
	    M("year", "2023", "", "年", "exact", "2023年度")
	    M("year", "2023", "", "年", "exact", "2023 年度")
	    M("year", "2023", "", "年", "exact", "2023")),
	C("duration", "3年，5个月，30天，两年，8小时，10个工作日。",
	    M("duration", "3", "", "年", "exact", "3年")
	    M("duration", "5", "", "个月", "exact", "5个月")
	    M("duration", "30", "", "天", "exact", "30天")
	    M("duration", "2", "", "年", "exact", "两年")
	    M("duration", "8", "", "小时", "exact", "8小时")
	    M("duration", "10", "", "个工作日", "exact", "10个工作日")),
	C("anniversaries are counts", "70周年，五十周年。",
	    M("count", "70", "", "周年", "exact", "70周年")
	    M("count", "50", "", "周年", "exact", "五十周年")),
	C("ratio 1/3", "1/3的人。", M("ratio", "0.333333", "", "", "exact", "1/3")),
	C("a full date", "2023年12月5日。", M("date", "2023-12-05", "", "", "exact", "2023年12月5日")),
	C("a full date with spaces", "2023 年 12 月 5 日。",
	    M("date", "2023-12-05", "", "", "exact", "2023 年 12 月 5 日")),
	C("a full date in Chinese", "二〇二三年十二月五日。",
	    M("date", "2023-12-05", "", "", "exact", "二〇二三年十二月五日")),
	C("a full date is one mention", "2020年5月22日召开。",
	    M("date", "2020-05-22", "", "", "exact", "2020年5月22日")),
	C("year and month", "2023年5月，2023年12月。",
	    M("date", "2023-05", "", "", "exact", "2023年5月")
	    M("date", "2023-12", "", "", "exact", "2023年12月")),
	C("month, day", "5月，9月份，三月，12月5日。",
	    M("date", "--05", "", "", "exact", "5月")
	    M("date", "--09", "", "", "exact", "9月份")
	    M("date", "--03", "", "", "exact", "三月")
	    M("date", "--12-05", "", "", "exact", "12月5日")),

	/* Qualifiers, every word. */
	C("over: 余 多", "开展40余次，惠及3000多人。",
	    M("count", "40", "", "次", "over", "40余次")
	    M("count", "3000", "", "人", "over", "3000多人")),
	C("over: 超过 突破 逾 高于", "超过60%，突破100人，逾200人，高于90%。",
	    M("percent", "60", "", "%", "over", "超过60%")
	    M("count", "100", "", "人", "over", "突破100人")
	    M("count", "200", "", "人", "over", "逾200人")
	    M("percent", "90", "", "%", "over", "高于90%")),
	C("at_least: 以上 不少于 至少 不低于 以来", "98%以上，不少于8次，至少3次，不低于95%，2023年以来。",
	    M("percent", "98", "", "%", "at_least", "98%以上")
	    M("count", "8", "", "次", "at_least", "不少于8次")
	    M("count", "3", "", "次", "at_least", "至少3次")
	    M("percent", "95", "", "%", "at_least", "不低于95%")
	    M("year", "2023", "", "年", "at_least", "2023年以来")),
	C("at_most: 以下 以内 不超过 不足 不到 至多", "5人以下，30天以内，不超过5000元，不足10人，不到20%，至多3次。",
	    M("count", "5", "", "人", "at_most", "5人以下")
	    M("duration", "30", "", "天", "at_most", "30天以内")
	    M("money", "5000", "", "元", "at_most", "不超过5000元")
	    M("count", "10", "", "人", "at_most", "不足10人")
	    M("percent", "20", "", "%", "at_most", "不到20%")
	    M("count", "3", "", "次", "at_most", "至多3次")),
	C("approx: 约 近 左右 大约 将近 上下", "约200人，近300人，5%左右，大约50人，将近100人，30人上下，近5年。",
	    M("count", "200", "", "人", "approx", "约200人")
	    M("count", "300", "", "人", "approx", "近300人")
	    M("percent", "5", "", "%", "approx", "5%左右")
	    M("count", "50", "", "人", "approx", "大约50人")
	    M("count", "100", "", "人", "approx", "将近100人")
	    M("count", "30", "", "人", "approx", "30人上下")
	    M("duration", "5", "", "年", "approx", "近5年")),

	/* Ranges. */
	C("ranges named in issue 4", "引进1-2名，开展三至五次，增长5%—8%，2021—2025年规划。",
	    M("count", "1", "2", "名", "range", "1-2名")
	    M("count", "3", "5", "次", "range", "三至五次")
	    M("percent", "5", "8", "%", "range", "5%—8%")
	    M("year", "2021", "2025", "年", "range", "2021—2025年")),
	C("range dashes and words", "1—2次，1－2次，1～2次，1~2次，10到20人，一至二名，2021-2025年。",
	    M("count", "1", "2", "次", "range", "1—2次")
	    M("count", "1", "2", "次", "range", "1－2次")
	    M("count", "1", "2", "次", "range", "1～2次")
	    M("count", "1", "2", "次", "range", "1~2次")
	    M("count", "10", "20", "人", "range", "10到20人")
	    M("count", "1", "2", "名", "range", "一至二名")
	    M("year", "2021", "2025", "年", "range", "2021-2025年")),
	C("ranges of other kinds", "3-5年，3至5天，5%至8%，2—3个百分点。",
	    M("duration", "3", "5", "年", "range", "3-5年")
	    M("duration", "3", "5", "天", "range", "3至5天")
	    M("percent", "5", "8", "%", "range", "5%至8%")
	    M("points", "2", "3", "百分点", "range", "2—3个百分点")),

	/* Non-quantities, written with all only. */
	C("markers", "一是加强学习，二是完善制度。", N("marker", "一") N("marker", "二")),
	C("a heading marker", "一、总体情况", N("marker", "一")),
	C("the scan starts at skip", "一、{^}开展培训3次。", M("count", "3", "", "次", "exact", "3次")),
	C("ordinals", "落实第一议题制度，召开第五次（扩大）会议，学习二十届三中全会精神。",
	    N("ordinal", "一") N("ordinal", "五") N("ordinal", "二十") N("ordinal", "三")),
	C("elided ordinals", "二十届二中、三中、四中全会。",
	    N("ordinal", "二十") N("ordinal", "二") N("ordinal", "三") N("ordinal", "四")),
	C("names in a short quotation", "开展“八五”普法，编制“十四五”规划。",
	    N("name", "八五") N("name", "十四五")),
	C("set phrases", "落实三会一课、三项制度、一站式服务、一把手、一村一法律顾问。",
	    N("name", "三会一课") N("name", "三项制度") N("name", "一站式")
	    N("name", "一把手") N("name", "一村一法律顾问")),
	C("day codes", "开展“3·15”“4.15”“6·26”宣传，“12·4”宪法宣传周。",
	    N("name", "3·15") N("name", "4.15") N("name", "6·26") N("name", "12·4")),
	Q("a day code without quotes", "12.4宪法宣传周。", ""),
	C("alphanumeric codes", "用好H5页面，5G基站，G318国道。",
	    N("code", "H5") N("code", "5G") N("code", "G318")),
	C("identifiers: 8 digits or more", "电话13812345678，网站标识码5002410002。",
	    N("code", "13812345678") N("code", "5002410002")),
	Q("a registration number", "渝ICP备18015756号-1。", ""),
	Q("words that only look numeric", "队伍建设，数字化，数据，统一，进一步，一定，一些，几方面，一年来。", ""),
	C("a document number", "〔2024〕7号文件。", N("code", "2024") N("code", "7")),
	Q("vague amounts 数十, 几十", "数十人，几十人。", ""),
	Q("vague amounts without a digit before them", "上百人，几亿人，一批干部。", ""),

	/* Overflow: never a quantity, a code with all, never a crash. */
	C("20 digits is still a quantity", "共12345678901234567890人。",
	    M("count", "12345678901234567890", "", "人", "exact", "12345678901234567890人")),
	C("a 21-digit run", "共123456789012345678901人。", N("code", "123456789012345678901")),
	C("a 21-digit run without a unit", "共123456789012345678901。", N("code", "123456789012345678901")),
	C("21 digits with a decimal point", "共1234567890.12345678901人。",
	    N("code", "1234567890.12345678901")),
	C("21 digits with thousands separators", "共1,234,567,890,123,456,789,012人。",
	    N("code", "1,234,567,890,123,456,789,012")),
	C("just below 10^24", "共99999999亿亿元，0.5亿亿亿元。",
	    M("money", "999999990000000000000000", "", "元", "exact", "99999999亿亿元")
	    M("money", "500000000000000000000000", "", "元", "exact", "0.5亿亿亿元")),
	C("10^24", "共1亿亿亿元，1.0亿亿亿元。", N("code", "1亿亿亿") N("code", "1.0亿亿亿")),
	C("10^32 (亿亿亿亿)", "共1亿亿亿亿元。", N("code", "1亿亿亿亿")),
	C("10^32 in Chinese (亿亿亿亿)", "共一亿亿亿亿元。", N("code", "一亿亿亿亿")),
	C("10^24 in Chinese", "共一亿亿亿元。", N("code", "一亿亿亿")),
	C("30 times 亿 in Chinese", "共一{亿*30}人。", N("code", "一{亿*30}")),
	C("30 decimals in Chinese", "共三点{五*30}人。", N("code", "三点{五*30}")),
	C("20 digits before 万亿", "共99999999999999999999万亿元。",
	    N("code", "99999999999999999999万亿")),
	C("30 times 万", "共1{万*30}人。", N("code", "1{万*30}")),
	C("a 10 000-digit number", "共{1*10000}人。", N("code", "{1*10000}")),
	C("10 000 full-width digits", "共{１*10000}人。", N("code", "{１*10000}")),
	C("10 000 spaced digits", "共{1 *9999}1人。", N("code", "{1 *9999}1")),
	C("10 000 decimals", "共1.{1*10000}人。", N("code", "1.{1*10000}")),
	C("10 000 digits, a range", "共1-{9*10000}人。", N("vague", "1") N("code", "{9*10000}")),
	C("10 000 digits, a ratio", "比例1/{9*10000}。", N("vague", "1") N("code", "{9*10000}")),
	C("10 000 digits, a year", "共{9*10000}年。", N("code", "{9*10000}")),
	C("10 000 digits, a date", "共2023年{9*10000}月。",
	    M("year", "2023", "", "年", "exact", "2023年") N("code", "{9*10000}")),
	C("10 000 digits, a percent", "共百分之{9*10000}。", N("code", "{9*10000}")),

	/* Edges of the paragraph. */
	C("an empty paragraph", "", ""),
	C("a number at the very end", "共3", N("vague", "3")),
	C("a unit cut by the end", "共3人", M("count", "3", "", "人", "exact", "3人")),

	/* Once known failures, fixed: */
	/* Overflow in Chinese numerals. */
	C("just below 10^24 in Chinese", "共九千九百九十九万亿亿元。",
	    M("money", "999900000000000000000000", "", "元", "exact", "九千九百九十九万亿亿元")),
	/* Chinese digit runs: never wrapped around 2^64. */
	C("20 Chinese digits", "共{九*20}人。",
	    M("count", "99999999999999999999", "", "人", "exact", "{九*20}人")),
	C("a 21-digit run in Chinese", "共二〇二三二〇二三二〇二三二〇二三二〇二三二人。",
	    N("code", "二〇二三二〇二三二〇二三二〇二三二〇二三二")),
	C("a 10 000-digit number in Chinese", "共{三*10000}人。", N("code", "{三*10000}")),
	Q("30 Chinese digits after 百分之", "共百分之{三*30}。", ""),
	/* Decimals and qualifiers. */
	C("一点二六万亿 (一点 is taken for a word)", "总额一点二六万亿元。",
	    M("money", "1260000000000", "", "元", "exact", "一点二六万亿元")),
	C("a qualifier before 百分之", "超过百分之九十。",
	    M("percent", "90", "", "%", "over", "超过百分之九十")),
	/* Non-quantities. */
	Q("the set phrase 最后一公里", "打通最后一公里。", ""),
	C("a marker in brackets", "（一）加强领导", N("marker", "一")),
	C("the code 3+X", "3+X模式。", N("code", "3+X")),
	C("the code 12345 (a hotline)", "12345热线。", N("code", "12345")),
	/* Forms issue 4 does not spell out, but which its rules cover. */
	C("余 before 万 in Chinese numerals", "投资二十余万元。",
	    M("money", "200000", "", "元", "over", "二十余万元")),
	C("万余", "万余人。", M("count", "10000", "", "人", "over", "万余人")),
	C("a range before a multiplier", "共3-5亿元，三至五万人，1至2万元。",
	    M("money", "300000000", "500000000", "元", "range", "3-5亿元")
	    M("count", "30000", "50000", "人", "range", "三至五万人")
	    M("money", "10000", "20000", "元", "range", "1至2万元")),
	/*
	 * Issue 14, rules 1-7: 零 after 点; adjacent numerals as a range;
	 * X成 as tenths; 千分之X, 万分之X, 亿分之X, ‰, ‱; X年代; a date with
	 * a 〇 year; 十分之X.
	 */
	C("零 after 点", "增长一点零一倍，占百分之七点零五，投资五点零八万元。",
	    M("multiple", "1.01", "", "倍", "exact", "一点零一倍")
	    M("percent", "7.05", "", "%", "exact", "百分之七点零五")
	    M("money", "50800", "", "元", "exact", "五点零八万元")),
	C("zeros after 点, then a zero", "降低零点零零五个百分点，三点零零二公里。",
	    M("points", "0.005", "", "百分点", "exact", "零点零零五个百分点")
	    M("count", "3.002", "", "公里", "exact", "三点零零二公里")),
	C("adjacent numerals", "用了两三年，走访二三十家，约三五百人，十五六人。",
	    M("duration", "2", "3", "年", "range", "两三年")
	    M("count", "20", "30", "家", "range", "二三十家")
	    M("count", "300", "500", "人", "range", "三五百人")
	    M("count", "15", "16", "人", "range", "十五六人")),
	C("adjacent numerals in a larger numeral", "花费一万六七千元，四五个月，七八十万元。",
	    M("money", "16000", "17000", "元", "range", "一万六七千元")
	    M("duration", "4", "5", "个月", "range", "四五个月")
	    M("money", "700000", "800000", "元", "range", "七八十万元")),
	C("adjacent numerals after 百分之", "下降百分之二三十，提高了百分之五六。",
	    M("percent", "20", "30", "%", "range", "百分之二三十")
	    M("percent", "5", "6", "%", "range", "百分之五六")),
	Q("no pair in a longer run, nor descending", "一九八九年，二〇二三年，九八人，“十四五”期间。",
	    M("year", "1989", "", "年", "exact", "一九八九年")
	    M("year", "2023", "", "年", "exact", "二〇二三年")
	    M("count", "98", "", "人", "exact", "九八人")),
	C("X成 is tenths", "九成以上，约9.5成，超过七成群众，两成，十成。",
	    M("percent", "90", "", "%", "at_least", "九成以上")
	    M("percent", "95", "", "%", "approx", "约9.5成")
	    M("percent", "70", "", "%", "over", "超过七成")
	    M("percent", "20", "", "%", "exact", "两成")
	    M("percent", "100", "", "%", "exact", "十成")),
	C("adjacent tenths", "七八成农户，三四成左右。",
	    M("percent", "70", "80", "%", "range", "七八成")
	    M("percent", "30", "40", "%", "range", "三四成左右")),
	Q("成 in set phrases and words", "一成不变，三五成群，一成立就，一成员。", ""),
	C("ratios over powers of ten", "千分之五，万分之三，亿分之一，十分之三，控制在千分之零点五以内。",
	    M("ratio", "0.005", "", "", "exact", "千分之五")
	    M("ratio", "0.0003", "", "", "exact", "万分之三")
	    M("ratio", "0.00000001", "", "", "exact", "亿分之一")
	    M("ratio", "0.3", "", "", "exact", "十分之三")
	    M("ratio", "0.0005", "", "", "at_most", "千分之零点五以内")),
	C("per mille and per ten thousand", "发生率3‰，低于1.5‱。",
	    M("ratio", "0.003", "", "", "exact", "3‰")
	    M("ratio", "0.00015", "", "", "at_most", "低于1.5‱")),
	C("三分之一 keeps six decimals", "三分之一，七分之二。",
	    M("ratio", "0.333333", "", "", "exact", "三分之一")
	    M("ratio", "0.285714", "", "", "exact", "七分之二")),
	Q("十分 and 万分 stay words", "十分重要，万分感谢。", ""),
	C("decades", "90年代，上世纪九十年代，十九世纪四十年代，本世纪二十年代。",
	    M("year", "1990", "1999", "年", "range", "90年代")
	    M("year", "1990", "1999", "年", "range", "上世纪九十年代")
	    M("year", "1840", "1849", "年", "range", "十九世纪四十年代")
	    M("year", "2020", "2029", "年", "range", "本世纪二十年代")),
	C("decades in four digits, and two decades", "1980年代，20世纪七八十年代。",
	    M("year", "1980", "1989", "年", "range", "1980年代")
	    M("year", "1970", "1989", "年", "range", "20世纪七八十年代")),
	C("a date with a 〇 or 零 year", "二〇二〇年十二月三十日，二零一零年五月。",
	    M("date", "2020-12-30", "", "", "exact", "二〇二〇年十二月三十日")
	    M("date", "2010-05", "", "", "exact", "二零一零年五月")),
	/*
	 * Issue 14, rules 8 to 15: written signs, halves, 一X一Y with a unit of
	 * time, ranges, qualifiers across a word, 人民币, full-width fractions,
	 * and three non-quantities (第 lists, articles, a plan's span of years).
	 */
	C("a dash after a closing bracket is no sign", "在1万(含)-5万元之间。",
	    M("count", "10000", "", "", "exact", "1万")
	    M("money", "50000", "", "元", "exact", "5万元")),
	C("a written sign before a number (rule 8)", "增长-3.5%，利润为-120万元，亏损－2.5亿元以上。",
	    M("percent", "-3.5", "", "%", "exact", "-3.5%")
	    M("money", "-1200000", "", "元", "exact", "-120万元")
	    M("money", "-250000000", "", "元", "at_least", "－2.5亿元以上")),
	C("负 is a sign after 增长, 为 and 率 (rule 8)", "经济增长负3.9%，余额为负20亿元，增长率负1.5%。",
	    M("percent", "-3.9", "", "%", "exact", "负3.9%")
	    M("money", "-2000000000", "", "元", "exact", "负20亿元")
	    M("percent", "-1.5", "", "%", "exact", "负1.5%")),
	C("words never change the value (rule 8)", "负增长3.5%，下降2.1个百分点，减少−0个。",
	    M("percent", "3.5", "", "%", "exact", "3.5%")
	    M("points", "2.1", "", "百分点", "exact", "2.1个百分点")
	    M("count", "0", "", "个", "exact", "0个")),
	C("a dash after a number or unit marks a range (rule 8)", "增长6%－6.5%，3人-5人，编号A-5号。",
	    M("percent", "6", "6.5", "%", "range", "6%－6.5%")
	    M("count", "3", "5", "人", "range", "3人-5人")
	    N("vague", "5")),
	C("负 elsewhere is no sign (rule 8)", "减负15.9亿元，税负3%，负责5个项目。",
	    M("money", "1590000000", "", "元", "exact", "15.9亿元")
	    M("percent", "3", "", "%", "exact", "3%")
	    M("count", "5", "", "个", "exact", "5个")),
	C("half a count's unit, where the amount ends", "运输一吨半，三斤半的肉，三人半数，两米半高。",
	    M("count", "1.5", "", "吨", "exact", "一吨半")
	    M("count", "3.5", "", "斤", "exact", "三斤半")
	    M("count", "3", "", "人", "exact", "三人")
	    M("count", "2", "", "米", "exact", "两米")),
	C("halves of a unit of time (rule 9)", "用时三年半，一个半月，一个半小时，两个半星期，10年半。",
	    M("duration", "3.5", "", "年", "exact", "三年半")
	    M("duration", "1.5", "", "个月", "exact", "一个半月")
	    M("duration", "1.5", "", "小时", "exact", "一个半小时")
	    M("duration", "2.5", "", "个星期", "exact", "两个半星期")
	    M("duration", "10.5", "", "年", "exact", "10年半")),
	C("no half after a decimal or a count (rule 9)", "1.5年半，三个半天。",
	    M("duration", "1.5", "", "年", "exact", "1.5年")
	    M("count", "3", "", "个", "exact", "三个")),
	C("一X一Y with a unit of time is a count (rule 10)", "一个月一次，一周一报，一年一次，一天一天接着干。",
	    M("duration", "1", "", "个月", "exact", "一个月")
	    M("count", "1", "", "次", "exact", "一次")
	    M("duration", "1", "", "周", "exact", "一周")
	    N("vague", "一")
	    M("duration", "1", "", "年", "exact", "一年")
	    M("count", "1", "", "次", "exact", "一次")
	    N("name", "一天一天接着干")),
	C("一点 before a numeral and a unit is a decimal (rule 10)", "提高一点一个百分点，增长一点二倍，一点一滴，一户一档。",
	    M("points", "1.1", "", "百分点", "exact", "一点一个百分点")
	    M("multiple", "1.2", "", "倍", "exact", "一点二倍")
	    N("name", "一点一滴")
	    N("name", "一户一档")),
	C("ranges with en dash, double hyphen, tilde, 到 and 至 (rule 11)", "20–30人，1万元--5万元，5万元~10万元，100万元至300万元，3人到5人。",
	    M("count", "20", "30", "人", "range", "20–30人")
	    M("money", "10000", "50000", "元", "range", "1万元--5万元")
	    M("money", "50000", "100000", "元", "range", "5万元~10万元")
	    M("money", "1000000", "3000000", "元", "range", "100万元至300万元")
	    M("count", "3", "5", "人", "range", "3人到5人")),
	C("a range of percents written out (rule 11)", "百分之三十到四十，百分之二十至百分之二十五以上，百分之十到2025年。",
	    M("percent", "30", "40", "%", "range", "百分之三十到四十")
	    M("percent", "20", "25", "%", "range", "百分之二十至百分之二十五以上")
	    M("percent", "10", "", "%", "exact", "百分之十")
	    M("year", "2025", "", "年", "exact", "2025年")),
	C("years joined by 到 with 年 on both (rule 11)", "从1952年到1956年。",
	    M("year", "1952", "1956", "年", "range", "1952年到1956年")),
	C("a word between a qualifier and its number (rule 12)", "至少有10次，超过了百分之零点九，不少于有5人，最近有3人。",
	    M("count", "10", "", "次", "at_least", "至少有10次")
	    M("percent", "0.9", "", "%", "over", "超过了百分之零点九")
	    M("count", "5", "", "人", "at_least", "不少于有5人")
	    M("count", "3", "", "人", "exact", "3人")),
	C("含 between the unit and 以上 or 以下 (rule 12)", "50万元（含）以上，10人(含)以下，5万元（含）。",
	    M("money", "500000", "", "元", "at_least", "50万元（含）以上")
	    M("count", "10", "", "人", "at_most", "10人(含)以下")
	    M("money", "50000", "", "元", "exact", "5万元")),
	C("人民币 is money in 元 (rule 13)", "5万人民币，200元人民币，人民币3亿元。",
	    M("money", "50000", "", "元", "exact", "5万人民币")
	    M("money", "200", "", "元", "exact", "200元")
	    M("money", "300000000", "", "元", "exact", "3亿元")),
	C("人民币 before a number with no unit (rule 13)", "人民币5万，人民币五千。",
	    M("money", "50000", "", "元", "exact", "5万")
	    M("money", "5000", "", "元", "exact", "五千")),
	C("为 between a qualifier and its number, a qualifier before a sign (rule 12)", "约为2%，约为-2%，超过-1%。",
	    M("percent", "2", "", "%", "approx", "约为2%")
	    M("percent", "-2", "", "%", "approx", "约为-2%")
	    M("percent", "-1", "", "%", "over", "超过-1%")),
	C("full-width digits and slashes in fractions (rule 14)", "１/３，１／３，2／5，2023／12／05。",
	    M("ratio", "0.333333", "", "", "exact", "１/３")
	    M("ratio", "0.333333", "", "", "exact", "１／３")
	    M("ratio", "0.4", "", "", "exact", "2／5")
	    N("vague", "2023")
	    N("vague", "12")
	    N("vague", "05")),
	C("第 applies to every numeral of its list (rule 15)", "第三、四批，第3、4、5名，一、二、三项。",
	    N("ordinal", "三")
	    N("ordinal", "四")
	    N("ordinal", "3")
	    N("ordinal", "4")
	    N("ordinal", "5")
	    N("marker", "一")
	    N("marker", "二")
	    M("count", "3", "", "项", "exact", "三项")),
	C("一项, 一个, 一条 as articles after 作为, 是, 成为 (rule 15)", "作为一项长期任务来抓，这是一个重要举措，成为一条新路径，是一个月，是一项。",
	    N("vague", "一项")
	    N("vague", "一个")
	    N("vague", "一条")
	    M("duration", "1", "", "个月", "exact", "一个月")
	    M("count", "1", "", "项", "exact", "一项")),
	C("a plan's span of years without 年 (rule 15)", "“十四五”规划(2021-2025)，纲要（2021—2035），行动计划2023-2025，电话2021-2025。",
	    N("name", "十四五")
	    M("year", "2021", "2025", "年", "range", "2021-2025")
	    M("year", "2021", "2035", "年", "range", "2021—2035")
	    M("year", "2023", "2025", "年", "range", "2023-2025")
	    N("vague", "2021")
	    N("vague", "2025")),
};


#define NCASES	(sizeof(cases) / sizeof(cases[0]))

static int	 verbose;

/* ---------------------------------------------------------------- text */

/* A growable string. */
struct str {
	char	*p;
	size_t	 len, cap;
};

static void
str_add(struct str *s, const char *p, size_t n)
{
	if (s->len + n + 1 > s->cap) {
		s->cap = (s->len + n + 1) * 2;
		if ((s->p = realloc(s->p, s->cap)) == NULL) {
			perror("numbers-test");
			exit(2);
		}
	}
	memcpy(s->p + s->len, p, n);
	s->len += n;
	s->p[s->len] = '\0';
}

static void
str_adds(struct str *s, const char *p)
{
	str_add(s, p, strlen(p));
}

/*
 * Expand "{X*N}" (X repeated N times) in t into s; *skip is where "{^}"
 * stood, 0 if nowhere.
 */
static void
expand(const char *t, struct str *s, size_t *skip)
{
	const char *star;
	char *end;
	long k;

	str_add(s, "", 0);
	*skip = 0;
	while (*t != '\0') {
		if (strncmp(t, "{^}", 3) == 0) {
			*skip = s->len;
			t += 3;
			continue;
		}
		if (*t == '{' && (star = strchr(t, '*')) != NULL &&
		    (k = strtol(star + 1, &end, 10)) > 0 && *end == '}') {
			while (k-- > 0)
				str_add(s, t + 1, (size_t)(star - t - 1));
			t = end + 1;
			continue;
		}
		str_add(s, t++, 1);
	}
}

/* Is the mention on line a quantity (not a non-quantity of -a)? */
static int
is_quantity_line(const char *line)
{
	static const char *const non[] = {
		"marker\t", "ordinal\t", "name\t", "code\t", "vague\t", NULL
	};
	const char *const *w;

	for (w = non; *w != NULL; w++)
		if (strncmp(line, *w, strlen(*w)) == 0)
			return 0;
	return 1;
}

/* The lines of s that are quantities. */
static void
quantities(const char *s, struct str *out)
{
	const char *e;

	str_add(out, "", 0);
	for (; *s != '\0'; s = e) {
		e = strchr(s, '\n');
		e = e != NULL ? e + 1 : s + strlen(s);
		if (is_quantity_line(s))
			str_add(out, s, (size_t)(e - s));
	}
}

/* How much of the n bytes at s to show: at most max, whole characters. */
static int
shown(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return (int)n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return (int)max;
}

/* Print the lines of s indented, each cut at about 100 bytes. */
static void
print_lines(const char *label, const char *s)
{
	const char *e;
	size_t n;

	printf("      %s:%s\n", label, *s == '\0' ? " (nothing)" : "");
	for (; *s != '\0'; s = *e == '\n' ? e + 1 : e) {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		n = (size_t)(e - s);
		if (n <= 100)
			printf("\t%.*s\n", (int)n, s);
		else
			printf("\t%.*s... (%zu bytes)\n", shown(s, n, 100), s, n);
	}
}

/* ---------------------------------------------------------------- checks */

/*
 * Write the mention q of p to out as a case does, after "!" lines for
 * whatever is wrong with it.  Returns 0 when its span is unusable.
 */
static int
put_mention(FILE *out, const char *p, size_t n, size_t skip, size_t prev_end,
    const struct rpt_quantity *q, int all)
{
	int quantity = q->kind < RPT_Q_MARKER;
	struct rpt_context cx;
	const char *bad;
	char why[256];

	if (q->off < skip || q->off > n || q->len == 0 || q->len > n - q->off) {
		fprintf(out, "!span off %zu len %zu outside [%zu, %zu)\n",
		    q->off, q->len, skip, n);
		return 0;
	}
	if ((unsigned)q->kind > RPT_Q_VAGUE || (unsigned)q->qual > RPT_QUAL_RANGE ||
	    memchr(q->value, '\0', sizeof(q->value)) == NULL ||
	    memchr(q->max, '\0', sizeof(q->max)) == NULL ||
	    (q->unit_len > 0 && q->unit == NULL)) {
		fprintf(out, "!bad fields at off %zu\n", q->off);
		return 0;
	}
	if (q->off < prev_end)
		fprintf(out, "!off %zu before the end of the mention before (%zu)\n",
		    q->off, prev_end);
	if (((unsigned char)p[q->off] & 0xc0) == 0x80 ||
	    (q->off + q->len < n && ((unsigned char)p[q->off + q->len] & 0xc0) == 0x80))
		fprintf(out, "!span off %zu len %zu cuts a character\n", q->off, q->len);
	if (!all && !quantity)
		fprintf(out, "!a %s without all\n", rpt_qkind_name(q->kind));
	if ((bad = numbers_check_value(q, why, sizeof(why))) != NULL)
		fprintf(out, "!%s\n", bad);
	rpt_quantity_context(p, n, q, &cx);
	bad = numbers_check_context(p, n, q, &cx, why, sizeof(why));
	if (bad != NULL)
		fprintf(out, "!%s\n", bad);
	fprintf(out, "%s\t%s\t%s\t%.*s\t%s\t%.*s\n", rpt_qkind_name(q->kind),
	    q->value, q->max, (int)q->unit_len, q->unit_len > 0 ? q->unit : "",
	    rpt_qual_name(q->qual), (int)q->len, p + q->off);
	return 1;
}

/* Cap the memory a child may add, where the system says what it uses. */
static void
limit_memory(void)
{
	struct rlimit rl;
	char line[128];
	long kb = -1;
	FILE *f;

	if ((f = fopen("/proc/self/status", "r")) == NULL)
		return;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "VmData:", 7) == 0)
			kb = atol(line + 7);
	fclose(f);
	if (kb <= 0)
		return;
	rl.rlim_cur = rl.rlim_max = (rlim_t)kb * 1024 + MEMORY_MAX;
	(void)setrlimit(RLIMIT_DATA, &rl);
}

/*
 * The child of a case: "#0", the mentions without all, "#1", those with
 * all, "#end" to out; "!" lines say what is wrong.
 */
static int
child(const struct tcase *t, FILE *out)
{
	const struct rpt_quantity *q;
	struct rpt_numbers *x;
	struct str in = { NULL, 0, 0 };
	size_t skip, end;
	char *p;
	long m, i;
	int all;

	alarm(TIMEOUT);
	limit_memory();
	if (dup2(fileno(out), 2) == -1)
		return 2;
	expand(t->in, &in, &skip);
	/* A copy of exactly its length: nothing after it may be read. */
	if ((p = malloc(in.len > 0 ? in.len : 1)) == NULL)
		return 2;
	memcpy(p, in.p, in.len);
	for (all = 0; all <= 1; all++) {
		fprintf(out, "#%d\n", all);
		if ((x = rpt_numbers_new(all)) == NULL) {
			fprintf(out, "!rpt_numbers_new(%d) failed\n", all);
			continue;
		}
		m = rpt_numbers(x, p, in.len, skip, &q);
		if (m < 0)
			fprintf(out, "!rpt_numbers returned %ld\n", m);
		for (i = 0, end = skip; i < m; i++)
			if (put_mention(out, p, in.len, skip, end, &q[i], all))
				end = q[i].off + q[i].len;
		/* Once more on the same finder: no state carries over. */
		if (m >= 0 && rpt_numbers(x, p, in.len, skip, &q) != m)
			fprintf(out, "!a second call found another number of mentions\n");
		rpt_numbers_free(x);
		fflush(out);
	}
	fprintf(out, "#end\n");
	free(p);
	free(in.p);
	return fflush(out) == 0 ? 0 : 2;
}

/* ---------------------------------------------------------------- runs */

struct run {
	const struct tcase *t;
	FILE		*out;
	pid_t		 pid;
	int		 status;
	struct str	 got;
};

/* Run every case of list, JOBS at a time, each in a child. */
static void
run_all(const struct tcase *list, size_t n, struct run *runs)
{
	size_t i, j, lo;
	char buf[8192];
	size_t k;

	for (lo = 0; lo < n; lo += JOBS) {
		for (i = lo; i < n && i < lo + JOBS; i++) {
			runs[i].t = &list[i];
			memset(&runs[i].got, 0, sizeof(runs[i].got));
			if ((runs[i].out = tmpfile()) == NULL) {
				perror("numbers-test: tmpfile");
				exit(2);
			}
			fflush(NULL);
			if ((runs[i].pid = fork()) == -1) {
				perror("numbers-test: fork");
				exit(2);
			}
			if (runs[i].pid == 0)
				exit(child(runs[i].t, runs[i].out));
		}
		for (j = lo; j < i; j++) {
			while (waitpid(runs[j].pid, &runs[j].status, 0) == -1)
				if (errno != EINTR) {
					perror("numbers-test: waitpid");
					exit(2);
				}
			str_add(&runs[j].got, "", 0);
			rewind(runs[j].out);
			while ((k = fread(buf, 1, sizeof(buf), runs[j].out)) > 0)
				str_add(&runs[j].got, buf, k);
			fclose(runs[j].out);
		}
	}
}

/*
 * Judge a run: 1 when it found what the case wants, else 0 after printing
 * under tag the case (and with detail, what it wants and what came out).
 */
static int
judge(const struct run *r, const char *tag, int detail)
{
	struct str in = { NULL, 0, 0 }, want = { NULL, 0, 0 };
	struct str want0 = { NULL, 0, 0 }, got[2] = { { NULL, 0, 0 }, { NULL, 0, 0 } };
	struct str got1q = { NULL, 0, 0 }, errs = { NULL, 0, 0 };
	const char *s, *e;
	char b[64];
	size_t skip;
	int part = -1, ended = 0, ok;

	expand(r->t->in, &in, &skip);
	expand(r->t->want, &want, &skip);
	quantities(want.p, &want0);
	str_add(&got[0], "", 0);
	str_add(&got[1], "", 0);
	str_add(&errs, "", 0);
	for (s = r->got.p; *s != '\0'; s = e) {
		e = strchr(s, '\n');
		e = e != NULL ? e + 1 : s + strlen(s);
		if (strncmp(s, "#0\n", 3) == 0)
			part = 0;
		else if (strncmp(s, "#1\n", 3) == 0)
			part = 1;
		else if (strncmp(s, "#end\n", 5) == 0)
			ended = 1;
		else if (*s == '!' || part < 0 || ended)
			str_add(&errs, s, (size_t)(e - s));
		else
			str_add(&got[part], s, (size_t)(e - s));
	}
	if (WIFSIGNALED(r->status)) {
		if (WTERMSIG(r->status) == SIGALRM)
			snprintf(b, sizeof(b), "!no answer in %d s (a hang)\n",
			    TIMEOUT);
		else
			snprintf(b, sizeof(b), "!killed by signal %d\n",
			    WTERMSIG(r->status));
		str_adds(&errs, b);
	} else if (WEXITSTATUS(r->status) != 0 || !ended) {
		snprintf(b, sizeof(b), "!exited with status %d%s\n",
		    WEXITSTATUS(r->status), ended ? "" : " before the end");
		str_adds(&errs, b);
	}
	quantities(got[1].p, &got1q);
	ok = errs.len == 0 && strcmp(got[0].p, want0.p) == 0 &&
	    strcmp(r->t->flags & QONLY ? got1q.p : got[1].p, want.p) == 0;
	if (!ok && !detail)
		printf("  %s %s: %.*s%s\n", tag, r->t->what,
		    shown(in.p, in.len, 60), in.p, in.len > 60 ? "..." : "");
	else if (!ok) {
		printf("  %s %s\n", tag, r->t->what);
		print_lines("in", in.p);
		if (errs.len > 0)
			print_lines("trouble", errs.p);
		if (r->t->flags & QONLY) {
			print_lines("want (quantities, -a adds what it will)", want.p);
			print_lines("got with all", got[1].p);
		} else {
			print_lines("want with all", want.p);
			print_lines("got with all", got[1].p);
		}
		if (strcmp(got[0].p, want0.p) != 0) {
			print_lines("want without all", want0.p);
			print_lines("got without all", got[0].p);
		}
	} else if (verbose)
		printf("  %s %s\n", ok ? "ok  " : tag, r->t->what);
	free(in.p);
	free(want.p);
	free(want0.p);
	free(got[0].p);
	free(got[1].p);
	free(got1q.p);
	free(errs.p);
	return ok;
}

/* ---------------------------------------------------------------- cn */

/* rpt_cn_number() on the first n bytes of in (-1: all): its length and value. */
static const struct {
	const char	*in;
	int		 n;
	size_t		 len;
	int		 val;
} cn_numbers[] = {
	{ "一", -1, 3, 1 }, { "九", -1, 3, 9 }, { "十", -1, 3, 10 },
	{ "十一", -1, 6, 11 }, { "十九", -1, 6, 19 }, { "二十", -1, 6, 20 },
	{ "二十三", -1, 9, 23 }, { "九十九", -1, 9, 99 }, { "一十", -1, 6, 10 },
	{ "三是", -1, 3, 3 }, { "二、", -1, 3, 2 }, { "十二五", -1, 6, 12 },
	{ "九十九十", -1, 9, 99 }, { "一百", -1, 3, 1 }, { "十十", -1, 3, 10 },
	/* No numeral: 零 alone, 两 (a count, never a marker), a unit alone. */
	{ "零", -1, 0, 0 }, { "〇", -1, 0, 0 }, { "两", -1, 0, 0 },
	{ "兩", -1, 0, 0 }, { "百", -1, 0, 0 }, { "千", -1, 0, 0 },
	{ "", -1, 0, 0 }, { "1", -1, 0, 0 }, { "a", -1, 0, 0 }, { "壹", -1, 0, 0 },
	{ "第一", -1, 0, 0 },
	/* Cut by the end of the buffer. */
	{ "十", 2, 0, 0 }, { "十", 1, 0, 0 }, { "二十", 4, 3, 2 },
	{ "二十三", 8, 6, 20 }, { "十一", 5, 3, 10 },
};

/* rpt_cn_digit() of the character in. */
static const struct {
	const char	*in;
	int		 val;
} cn_digits[] = {
	{ "〇", 0 }, { "零", 0 }, { "○", 0 }, { "一", 1 }, { "二", 2 },
	{ "两", 2 }, { "兩", 2 }, { "三", 3 }, { "四", 4 }, { "五", 5 },
	{ "六", 6 }, { "七", 7 }, { "八", 8 }, { "九", 9 },
	{ "十", -1 }, { "百", -1 }, { "千", -1 }, { "万", -1 }, { "亿", -1 },
	{ "壹", -1 }, { "贰", -1 }, { "0", -1 }, { "０", -1 }, { "O", -1 },
	{ "廿", -1 },
};

/* Check rpt_cn_number() and rpt_cn_digit(); adds to *pass and *fail. */
static void
cn_tests(int *pass, int *fail)
{
	size_t i, n, len;
	int32_t c, d;
	char *p;
	int val, ok, bad = 0;

	for (i = 0; i < sizeof(cn_numbers) / sizeof(cn_numbers[0]); i++) {
		n = cn_numbers[i].n < 0 ? strlen(cn_numbers[i].in) :
		    (size_t)cn_numbers[i].n;
		if ((p = malloc(n > 0 ? n : 1)) == NULL)
			exit(2);
		memcpy(p, cn_numbers[i].in, n);
		val = -12345;
		len = rpt_cn_number(p, n, &val);
		ok = len == cn_numbers[i].len &&
		    (len == 0 || val == cn_numbers[i].val);
		if (!ok)
			printf("  FAIL rpt_cn_number(\"%s\", %zu): length %zu value "
			    "%d, want %zu and %d\n", cn_numbers[i].in, n, len, val,
			    cn_numbers[i].len, cn_numbers[i].val);
		else if (verbose)
			printf("  ok   rpt_cn_number(\"%s\", %zu)\n",
			    cn_numbers[i].in, n);
		*(ok ? pass : fail) += 1;
		free(p);
	}
	for (i = 0; i < sizeof(cn_digits) / sizeof(cn_digits[0]); i++) {
		rpt_utf8_decode(cn_digits[i].in, strlen(cn_digits[i].in), &c);
		ok = rpt_cn_digit(c) == cn_digits[i].val;
		if (!ok)
			printf("  FAIL rpt_cn_digit(%s U+%04X) = %d, want %d\n",
			    cn_digits[i].in, (unsigned)c, rpt_cn_digit(c),
			    cn_digits[i].val);
		else if (verbose)
			printf("  ok   rpt_cn_digit(%s)\n", cn_digits[i].in);
		*(ok ? pass : fail) += 1;
	}
	/* No other character is a digit. */
	for (c = -1; c <= 0x110000; c++) {
		for (i = 0; i < sizeof(cn_digits) / sizeof(cn_digits[0]); i++) {
			rpt_utf8_decode(cn_digits[i].in, strlen(cn_digits[i].in), &d);
			if (d == c)
				break;
		}
		if (i == sizeof(cn_digits) / sizeof(cn_digits[0]) &&
		    rpt_cn_digit(c) != -1) {
			if (bad++ < 5)
				printf("  FAIL rpt_cn_digit(U+%04X) = %d, want -1\n",
				    (unsigned)c, rpt_cn_digit(c));
		}
		if (c == 0x7f)
			c = 0x2fff;	/* nothing between is a digit */
	}
	if (verbose && bad == 0)
		printf("  ok   rpt_cn_digit() of every other character\n");
	*(bad == 0 ? pass : fail) += 1;
}

/* Append the UTF-8 of c to p at *n. */
static void
put_utf8(char *p, size_t *n, int32_t c)
{
	unsigned char *u = (unsigned char *)p + *n;

	if (c < 0x80)
		u[0] = (unsigned char)c, *n += 1;
	else if (c < 0x800) {
		u[0] = (unsigned char)(0xc0 | c >> 6);
		u[1] = (unsigned char)(0x80 | (c & 0x3f));
		*n += 2;
	} else if (c < 0x10000) {
		u[0] = (unsigned char)(0xe0 | c >> 12);
		u[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		u[2] = (unsigned char)(0x80 | (c & 0x3f));
		*n += 3;
	} else {
		u[0] = (unsigned char)(0xf0 | c >> 18);
		u[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
		u[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		u[3] = (unsigned char)(0x80 | (c & 0x3f));
		*n += 4;
	}
}

/* rpt_numbers_check_scan() of a copy of p[0, n) of exactly n bytes. */
static int
check_scan(const struct rpt_numbers *x, const char *p, size_t n)
{
	char *q;
	int r;

	if ((q = malloc(n > 0 ? n : 1)) == NULL)
		exit(2);
	memcpy(q, p, n);
	r = rpt_numbers_check_scan(x, q, n);
	free(q);
	return r;
}

/*
 * The vector scan for numerals stops wherever the scalar one does
 * (rpt_numbers_check_scan()): in a text of every character, from three
 * offsets, so that each lies across a 64-byte block's end once; and at
 * a numeral near the text's end, read in a padded copy.
 */
static void
scan_tests(int *pass, int *fail)
{
	static const char *const ends[] = { "5", "三", "０", "億", "○" };
	struct rpt_numbers *x;
	size_t n, k, e;
	int32_t c;
	char *p;
	int r, bad = 0;

	if ((x = rpt_numbers_new(0)) == NULL ||
	    (p = malloc(4 * 0x110000 + 256)) == NULL)
		exit(2);
	for (k = 0; k < 3; k++) {
		n = 0;
		while (n < k)
			p[n++] = 'x';
		for (c = 1; c < 0x110000; c++)
			if (c < 0xd800 || c > 0xdfff)
				put_utf8(p, &n, c);
		if ((r = check_scan(x, p, n)) == -1 && bad++ < 5)
			printf("  FAIL the scans differ on every character "
			    "after %zu bytes\n", k);
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
		/* vec_groups in numbers.c lack a character of start. */
		if (r == 1 && __builtin_cpu_supports("avx2") && bad++ < 5)
			printf("  FAIL no vector scan, with AVX2\n");
#endif
	}
	for (e = 0; e < sizeof(ends) / sizeof(ends[0]); e++)
		for (k = 0; k < 140; k++) {
			memset(p, 'x', k);
			memcpy(p + k, ends[e], strlen(ends[e]));
			if (check_scan(x, p, k + strlen(ends[e])) == -1 &&
			    bad++ < 5)
				printf("  FAIL the scans differ on %s after "
				    "%zu bytes\n", ends[e], k);
		}
	if (verbose && bad == 0)
		printf("  ok   the vector scan of every character\n");
	*(bad == 0 ? pass : fail) += 1;
	free(p);
	rpt_numbers_free(x);
}

/*
 * A numeral in a short quotation is a name: the “ (or ") is looked for in
 * the 38 bytes before the numeral (numbers.c's quote_near(), three
 * vector blocks where there are 38 bytes), then one character at a time
 * up to 36 bytes back.  White space between the “ and the numeral puts
 * the “ at every distance, after texts of 0 to 60 bytes.
 */
static void
quote_tests(int *pass, int *fail)
{
	static const char *const opens[] = { "“", "\"" };
	static const size_t fronts[] = { 0, 10, 37, 38, 39, 40, 60 };
	const struct rpt_quantity *q;
	struct rpt_numbers *x;
	char text[256], *p;
	size_t o, f, m, n;
	long k, j;
	int bad = 0, name, want;

	if ((x = rpt_numbers_new(1)) == NULL)
		exit(2);
	for (o = 0; o < 2; o++)
		for (f = 0; f < sizeof(fronts) / sizeof(fronts[0]); f++)
			for (m = 0; m <= 40; m++) {
				n = 0;
				memset(text, 'x', fronts[f]);
				n += fronts[f];
				memcpy(text + n, opens[o], strlen(opens[o]));
				n += strlen(opens[o]);
				memset(text + n, ' ', m);
				n += m;
				memcpy(text + n, "八五”普法", strlen("八五”普法"));
				n += strlen("八五”普法");
				if ((p = malloc(n)) == NULL)
					exit(2);
				memcpy(p, text, n);
				k = rpt_numbers(x, p, n, 0, &q);
				for (j = 0, name = 0; j < k; j++)
					name |= q[j].kind == RPT_Q_NAME;
				/* The “ ends less than 36 bytes before 八. */
				want = m < 36;
				if (name != want && bad++ < 5)
					printf("  FAIL %s after %zu bytes and "
					    "%zu spaces: %s a name\n",
					    opens[o], fronts[f], m,
					    name ? "is" : "is not");
				free(p);
			}
	if (verbose && bad == 0)
		printf("  ok   names in quotations at every distance\n");
	*(bad == 0 ? pass : fail) += 1;
	rpt_numbers_free(x);
}

/* ---------------------------------------------------------------- context */

/*
 * rpt_quantity_context(): in the paragraph in (written as a case's), the
 * clause before and after the first mention (with all) whose text is
 * mention.
 */
static const struct {
	const char	*in;
	const char	*mention;
	const char	*before, *after;
} contexts[] = {
	{ "全市共办理案件100件，同比增长5%。", "100件", "全市共办理案件", "" },
	{ "全市共办理案件100件，同比增长5%。", "5%", "同比增长", "" },
	{ "办理100件行政复议案件；其余", "100件", "办理", "行政复议案件" },
	/* At most 30 characters, those nearest the mention. */
	{ "{甲*40}5件{乙*40}", "5件", "{甲*30}", "{乙*30}" },
	{ "{甲*30}5件{乙*30}", "5件", "{甲*30}", "{乙*30}" },
	/* Trimmed of white space. */
	{ "其中， 共计  10人  参加 。", "10人", "共计", "参加" },
	/* ASCII boundaries. */
	{ "a,b;c:共5人!后", "5人", "共", "" },
	{ "问?共5人,后", "5人", "共", "" },
	/* ：、！？ */
	{ "目标：3项、4项！好", "3项", "", "" },
	{ "目标：3项、4项？好", "4项", "", "" },
	/* The mention is the paragraph. */
	{ "5件", "5件", "", "" },
	/* The qualifier is the mention's, not the clause's. */
	{ "今年约5%的增长", "约5%", "今年", "的增长" },
	/* Back past skip into a heading's marker, as rpt-numbers shows it. */
	{ "（一）{^}全年办结5件", "5件", "（一）全年办结", "" },
	{ "一、{^}全年办结5件", "5件", "全年办结", "" },
};

/*
 * rpt_quantity_context() tells a 3-byte character that can be no clause
 * boundary by its lead byte: every boundary must be ASCII or lead with E3
 * or EF (U+3000-3FFF, U+F000-FFFF).  Adds to *pass and *fail.
 */
static void
boundary_leads(int *pass, int *fail)
{
	const uint32_t bounds = RPT_C_STOP | RPT_C_SEMICOLON | RPT_C_COLON |
	    RPT_C_COMMA | RPT_C_IDEO_COMMA;
	int32_t c;
	int bad = 0;

	for (c = 0; c < 0x110000; c++)
		if ((rpt_char_class(c) & bounds) && c >= 0x80 &&
		    !(c >= 0x3000 && c <= 0x3fff) && !(c >= 0xf000 &&
		    c <= 0xffff) && bad++ < 5)
			printf("  FAIL boundary U+%04X leads with neither E3 "
			    "nor EF\n", (unsigned)c);
	if (verbose && bad == 0)
		printf("  ok   every clause boundary is ASCII or leads with "
		    "E3 or EF\n");
	*(bad == 0 ? pass : fail) += 1;
}

/* Check rpt_quantity_context(); adds to *pass and *fail. */
static void
context_tests(int *pass, int *fail)
{
	const struct rpt_quantity *q;
	struct rpt_numbers *x;
	struct rpt_context c;
	struct str in, before, after;
	const char *bad, *w;
	char why[256], *p;
	size_t i, skip, s2, wl;
	long m, j;
	int ok;

	if ((x = rpt_numbers_new(1)) == NULL)
		exit(2);
	for (i = 0; i < sizeof(contexts) / sizeof(contexts[0]); i++) {
		memset(&in, 0, sizeof(in));
		memset(&before, 0, sizeof(before));
		memset(&after, 0, sizeof(after));
		expand(contexts[i].in, &in, &skip);
		expand(contexts[i].before, &before, &s2);
		expand(contexts[i].after, &after, &s2);
		/* A copy of exactly its length: nothing after it may be read. */
		if ((p = malloc(in.len)) == NULL)
			exit(2);
		memcpy(p, in.p, in.len);
		w = contexts[i].mention;
		wl = strlen(w);
		m = rpt_numbers(x, p, in.len, skip, &q);
		for (j = 0; j < m; j++)
			if (q[j].len == wl && memcmp(p + q[j].off, w, wl) == 0)
				break;
		ok = 0;
		bad = j < m ? NULL : "no such mention";
		if (j < m) {
			memset(&c, 0xa5, sizeof(c));
			rpt_quantity_context(p, in.len, &q[j], &c);
			bad = numbers_check_context(p, in.len, &q[j], &c, why,
			    sizeof(why));
			ok = bad == NULL && c.before_len == before.len &&
			    memcmp(p + c.before_off, before.p,
			    before.len) == 0 &&
			    c.after_len == after.len &&
			    memcmp(p + c.after_off, after.p, after.len) == 0;
		}
		if (!ok && bad != NULL)
			printf("  FAIL context of %s in %s: %s\n", w,
			    contexts[i].in, bad);
		else if (!ok)
			printf("  FAIL context of %s in %s: '%.*s' and '%.*s', "
			    "want '%s' and '%s'\n", w, contexts[i].in,
			    (int)c.before_len, p + c.before_off,
			    (int)c.after_len, p + c.after_off, before.p,
			    after.p);
		else if (verbose)
			printf("  ok   context of %s in %s\n", w,
			    contexts[i].in);
		*(ok ? pass : fail) += 1;
		free(p);
		free(in.p);
		free(before.p);
		free(after.p);
	}
	rpt_numbers_free(x);
}

/*
 * The clause around [off, off + len) of p as the issue says it, one
 * character at a time: back and on to a boundary or RPT_CONTEXT_MAX
 * characters, trimmed.
 */
static void
context_ref(const char *p, size_t n, size_t off, size_t len,
    struct rpt_context *c)
{
	const uint32_t bounds = RPT_C_STOP | RPT_C_SEMICOLON | RPT_C_COLON |
	    RPT_C_COMMA | RPT_C_IDEO_COMMA;
	const char *s;
	size_t i, k, chars, l;
	int32_t ch;

	for (i = off, chars = 0; i > 0 && chars < RPT_CONTEXT_MAX; chars++) {
		for (k = 1; ((unsigned char)p[i - k] & 0xc0) == 0x80; k++)
			;
		rpt_utf8_decode(p + i - k, k, &ch);
		if (rpt_char_class(ch) & bounds)
			break;
		i -= k;
	}
	s = p + i;
	l = off - i;
	rpt_trim(&s, &l);
	c->before_off = (size_t)(s - p);
	c->before_len = l;
	for (i = off + len, chars = 0; i < n && chars < RPT_CONTEXT_MAX;
	    chars++) {
		k = rpt_utf8_decode(p + i, n - i, &ch);
		if (rpt_char_class(ch) & bounds)
			break;
		i += k;
	}
	s = p + off + len;
	l = i - (off + len);
	rpt_trim(&s, &l);
	c->after_off = (size_t)(s - p);
	c->after_len = l;
}

/*
 * rpt_quantity_context() finds what context_ref() does, in texts of every
 * length up to 200 characters drawn from boundaries, the characters that
 * share their first bytes (《 （ and the ideographic space), white space,
 * and characters of one to four bytes, around a mention at every
 * character; with many boundaries, few and none; and next to a mention,
 * every character.
 */
static void
context_ref_tests(int *pass, int *fail)
{
	static const char *const other[] = {
		"甲", "《", "（", "\xe3\x80\x80", "a", " ", "\xc3\xa9",
		"\xf0\x9f\x98\x80", "5", "乙", "丙", "丁"
	}, *const bounds[] = {
		"、", "。", "，", "：", "；", "！", "？", ",", ";", ":", "!", "?"
	};
	/* Boundaries one time in 2, in 20, and never. */
	static const unsigned every[] = { 2, 20, 0 };
	struct rpt_quantity q;
	struct rpt_context c, want;
	unsigned long seed = 1;
	size_t n, len, off, at[201], chars, t, k, a;
	int32_t ch;
	const char *w;
	char *p, *buf;
	int bad = 0;

	if ((buf = malloc(4 * 200)) == NULL)
		exit(2);
	for (t = 0; t < 3000 && bad < 5; t++) {
		chars = t % 201;
		for (n = 0, k = 0; k < chars; k++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			a = (size_t)(seed >> 33);
			w = every[t % 3] != 0 && a % every[t % 3] == 0 ?
			    bounds[a / 32 % 12] : other[a / 32 % 12];
			at[k] = n;
			memcpy(buf + n, w, strlen(w));
			n += strlen(w);
		}
		at[chars] = n;
		/* A copy of exactly its length: nothing after it may be read. */
		if ((p = malloc(n > 0 ? n : 1)) == NULL)
			exit(2);
		memcpy(p, buf, n);
		for (k = 0; k < chars && bad < 5; k++) {
			off = at[k];
			len = at[k + 1 < chars && k % 2 ? k + 2 : k + 1] - off;
			memset(&q, 0, sizeof(q));
			q.off = off;
			q.len = len;
			rpt_quantity_context(p, n, &q, &c);
			context_ref(p, n, off, len, &want);
			if (c.before_off != want.before_off ||
			    c.before_len != want.before_len ||
			    c.after_off != want.after_off ||
			    c.after_len != want.after_len) {
				bad++;
				printf("  FAIL context at %zu+%zu of '%.*s': "
				    "'%.*s' and '%.*s', want '%.*s' and "
				    "'%.*s'\n", off, len, (int)n, p,
				    (int)c.before_len, p + c.before_off,
				    (int)c.after_len, p + c.after_off,
				    (int)want.before_len, p + want.before_off,
				    (int)want.after_len, p + want.after_off);
			}
		}
		free(p);
	}
	/*
	 * Every character next to a mention, before it and after it: the
	 * clause scans tell boundaries by their bytes (numbers.c's
	 * boundary3()), not by their class.
	 */
	for (ch = 1; ch < 0x110000 && bad < 5; ch++) {
		if (ch >= 0xd800 && ch <= 0xdfff)
			continue;
		for (a = 0; a < 2; a++) {
			n = 0;
			put_utf8(buf, &n, a ? '5' : 0x7532);	/* 5, 甲 */
			put_utf8(buf, &n, ch);
			put_utf8(buf, &n, a ? 0x7532 : '5');
			memset(&q, 0, sizeof(q));
			q.off = a ? 0 : n - 1;
			q.len = 1;
			rpt_quantity_context(buf, n, &q, &c);
			context_ref(buf, n, q.off, q.len, &want);
			if (c.before_off != want.before_off ||
			    c.before_len != want.before_len ||
			    c.after_off != want.after_off ||
			    c.after_len != want.after_len) {
				bad++;
				printf("  FAIL context of 5 next to U+%04lX\n",
				    (unsigned long)ch);
			}
		}
	}
	if (verbose && bad == 0)
		printf("  ok   contexts as one character at a time finds "
		    "them\n");
	*(bad == 0 ? pass : fail) += 1;
	free(buf);
}

/* ---------------------------------------------------------------- main */

/* -d: the mentions in each argument. */
static int
dump(char **argv)
{
	const struct rpt_quantity *q;
	struct rpt_numbers *x;
	struct str in;
	size_t skip;
	long m, i;

	if ((x = rpt_numbers_new(1)) == NULL)
		return 2;
	for (; *argv != NULL; argv++) {
		memset(&in, 0, sizeof(in));
		expand(*argv, &in, &skip);
		m = rpt_numbers(x, in.p, in.len, skip, &q);
		for (i = 0; i < m; i++)
			put_mention(stdout, in.p, in.len, skip, 0, &q[i], 1);
		free(in.p);
	}
	rpt_numbers_free(x);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct run *runs;
	size_t i;
	int pass = 0, fail = 0;

	if (argc > 1 && strcmp(argv[1], "-d") == 0)
		return dump(argv + 2);
	if (argc > 1 && strcmp(argv[1], "-v") == 0)
		verbose = 1;
	else if (argc > 1) {
		fprintf(stderr, "usage: numbers-test [-v] | -d TEXT...\n");
		return 2;
	}

	cn_tests(&pass, &fail);
	scan_tests(&pass, &fail);
	boundary_leads(&pass, &fail);
	quote_tests(&pass, &fail);
	context_tests(&pass, &fail);
	context_ref_tests(&pass, &fail);
	if ((runs = calloc(NCASES, sizeof(*runs))) == NULL)
		return 2;
	run_all(cases, NCASES, runs);
	for (i = 0; i < NCASES; i++) {
		if (judge(&runs[i], "FAIL", 1))
			pass++;
		else
			fail++;
		free(runs[i].got.p);
	}

	free(runs);
	printf("numbers-test: %d passed, %d failed\n", pass, fail);
	return fail > 0 ? 1 : 0;
}
