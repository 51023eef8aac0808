"""Demo campaigns for the two key dates beside 25 November and Songkran, from the source documents, in Thai and
English: Mother's Day (12 August in Thailand; 002: the Women and Men Progressive Movement Foundation speaks on key
days about what alcohol does to families) and 30 July, World Day against Trafficking in Persons (004: the Chiang
Rai committee's yearly anti-trafficking campaign on the Lao and Myanmar borders). Plain data for ``campaigns.demo``.
"""

import datetime


def _paragraph(text: str) -> tuple[str, str]:
    return ("paragraph", f"<p>{text}</p>")


def _event(when: tuple, place: tuple, words: tuple) -> tuple[str, dict]:
    (day, start, end), (venue, province) = when, place
    title, description = words
    return (
        "event",
        {
            "title": title,
            "date": day,
            "start_time": start,
            "end_time": end,
            "venue": venue,
            "province": province,
            "online_url": "",
            "description": description,
            "takes_rsvp": True,
        },
    )


FORUM_DAY = (datetime.date(2025, 8, 8), datetime.time(9, 0), datetime.time(12, 0))

MOTHERS_DAY = {
    "slug": "mothers-day-2025",
    "theme": "mothers-day",
    "year": 2025,
    "kind": "national",
    "province": "",
    "key_date": datetime.date(2025, 8, 12),
    "start_date": datetime.date(2025, 8, 8),
    "end_date": datetime.date(2025, 8, 12),
    "colour": (176, 58, 46),
    "partners": (
        "women-and-men-progressive-movement-foundation",
        "ministry-of-social-development-and-human-security",
    ),
    "th": {
        "title": "วันแม่ 2568: บ้านไม่ใช่เวทีมวย",
        "intro": (
            "วันแม่แห่งชาติ 12 สิงหาคม ภาคีเครือข่ายสะท้อนผลกระทบของเครื่องดื่มแอลกอฮอล์ต่อครอบครัว "
            "ทั้งความรุนแรงในครอบครัว ความสัมพันธ์ และเศรษฐกิจของครอบครัว"
        ),
        "body": [
            _paragraph(
                "มูลนิธิหญิงชายก้าวไกลใช้โอกาสในวันสำคัญ เช่น วันสงกรานต์ วันยุติความรุนแรงต่อสตรีสากล และวันแม่แห่งชาติ "
                "สื่อสารผลกระทบจากเครื่องดื่มแอลกอฮอล์ โดยวิเคราะห์จากประสบการณ์การให้ความช่วยเหลือผู้ประสบปัญหา "
                "ในมิติความรุนแรงในครอบครัว ความสัมพันธ์ในครอบครัว ความเสี่ยงต่อความรุนแรงทางเพศ และเศรษฐกิจของครอบครัว"
            ),
            _paragraph(
                "ภาคีเครือข่ายชุมชนในกรุงเทพฯ เป็นกำลังหลักที่เคลื่อนตัวได้เร็ว ภาคเอกชนร่วมรณรงค์ด้วย "
                "เช่น บริษัทโฆษณา J. Walter Thompson ทำเรื่อง “บ้านไม่ใช่เวทีมวย” ในปี 2560"
            ),
            _event(
                FORUM_DAY,
                ("", "bangkok"),
                (
                    "เวทีวิชาการรายงานสถานการณ์ความรุนแรงในครอบครัว",
                    "รายงานสถานการณ์ความรุนแรงทางเพศและความรุนแรงในครอบครัว พร้อมข้อเสนอทางนโยบายต่อหน่วยงานภาครัฐ",
                ),
            ),
            (
                "share_kit",
                {
                    "heading": "ช่วยกันบอกต่อ",
                    "line_message": "วันแม่ปีนี้ ให้บ้านเป็นที่ปลอดภัย ไม่ใช่เวทีมวย ความรุนแรงในครอบครัวไม่ใช่เรื่องส่วนตัว",
                    "facebook_message": (
                        "เหล้าทำให้ความเสี่ยงต่อความรุนแรงในครอบครัวสูงขึ้น วันแม่ปีนี้ร่วมกันทำให้บ้านเป็นที่ปลอดภัยของแม่และลูก"
                    ),
                    "hashtags": "#บ้านไม่ใช่เวทีมวย #วันแม่",
                },
            ),
        ],
    },
    "en": {
        "title": "Mother's Day 2025: a home is not a boxing ring",
        "intro": (
            "On National Mother's Day, 12 August, partners show what alcohol does to families: domestic violence, "
            "strained relationships and a family's money."
        ),
        "body": [
            _paragraph(
                "The Women and Men Progressive Movement Foundation uses key days, such as Songkran, the International "
                "Day for the Elimination of Violence against Women and National Mother's Day, to speak about the harm "
                "alcohol does, drawing on the people it has helped: domestic violence, family relationships, the risk "
                "of sexual violence and a family's money."
            ),
            _paragraph(
                "Community networks in Bangkok are the partners who move fastest, and businesses join in: the "
                "advertising agency J. Walter Thompson made “A home is not a boxing ring” in 2017."
            ),
            _event(
                FORUM_DAY,
                ("", "bangkok"),
                (
                    "Forum: the state of domestic violence",
                    "A report on sexual and domestic violence, with policy proposals to government agencies.",
                ),
            ),
            (
                "share_kit",
                {
                    "heading": "Spread the word",
                    "line_message": "This Mother's Day, make home a safe place, not a boxing ring. Domestic violence is "
                    "never a private matter.",
                    "facebook_message": (
                        "Alcohol raises the risk of domestic violence. This Mother's Day, help make home safe for "
                        "mothers and children."
                    ),
                    "hashtags": "#HomeIsNotABoxingRing #MothersDay",
                },
            ),
        ],
    },
}

WALK_DAY = (datetime.date(2025, 7, 30), datetime.time(8, 30), datetime.time(12, 0))

JULY_30 = {
    "slug": "30-july-2025",
    "theme": "30-july",
    "year": 2025,
    "kind": "provincial",
    "province": "chiang-rai",
    "key_date": datetime.date(2025, 7, 30),
    "start_date": datetime.date(2025, 7, 30),
    "end_date": datetime.date(2025, 7, 30),
    "colour": (20, 110, 90),
    "partners": (
        "chiang-rai-cso-coordinating-committee",
        "ministry-of-social-development-and-human-security",
    ),
    "th": {
        "title": "30 กรกฎาคม 2568: ยุติการค้ามนุษย์ที่ชายแดนเชียงราย",
        "intro": (
            "วันต่อต้านการค้ามนุษย์โลก ภาคีเครือข่ายเชียงรายร่วมกันคุ้มครองแรงงานข้ามชาติ บุคคลไร้รัฐไร้สัญชาติ "
            "ผู้หญิง และเด็ก ตามชายแดนลาวและเมียนมา"
        ),
        "body": [
            _paragraph(
                "คณะกรรมการประสานงานองค์กรภาคประชาสังคมเพื่อคุ้มครองเด็ก สตรี และต่อต้านการค้ามนุษย์ "
                "จังหวัดเชียงราย (คปค.) มีองค์กรสมาชิก 16 แห่ง ในอำเภอเมืองและอำเภอตามชายแดนลาวและเมียนมา "
                "ทำงานใน 4 เสาหลัก ได้แก่ การต่อต้านการค้ามนุษย์ บุคคลไร้รัฐไร้สัญชาติ การคุ้มครอง และการศึกษา "
                "และเป็นเจ้าภาพกิจกรรมรณรงค์ต่อต้านการค้ามนุษย์ประจำปีในจังหวัดเชียงราย"
            ),
            (
                "facts",
                {
                    "heading": "การทำงานร่วมกันในตัวเลข",
                    "facts": [
                        {"figure": "16", "label": "องค์กรสมาชิก คปค.", "source": "คปค. เชียงราย"},
                        {"figure": "2,000+", "label": "คนที่กิจกรรมรณรงค์เข้าถึง", "source": "คปค. เชียงราย"},
                        {"figure": "126", "label": "ผู้ปฏิบัติงานทีมสหวิชาชีพที่ผ่านการอบรม", "source": "2562–2564"},
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "องค์กรพัฒนาเอกชนนั้นขาดพลังเมื่อต้องทำงานเพียงลำพัง หากเราร่วมมือกัน เราจะแข็งแกร่งขึ้น "
                        "และมีอำนาจในการต่อรอง"
                    ),
                    "attribution": "สมาชิก คปค.",
                },
            ),
            _event(
                WALK_DAY,
                ("", "chiang-rai"),
                (
                    "เยาวชนรณรงค์ยุติการค้ามนุษย์",
                    "เยาวชนและองค์กรสมาชิกร่วมรณรงค์สร้างความตระหนักรู้เรื่องการค้ามนุษย์ สิทธิแรงงาน "
                    "การคัดแยกผู้เสียหาย และการแจ้งเหตุ",
                ),
            ),
            (
                "share_kit",
                {
                    "heading": "ช่วยกันบอกต่อ",
                    "line_message": "30 กรกฎาคม วันต่อต้านการค้ามนุษย์โลก พบเห็นการค้ามนุษย์ แจ้งสายด่วน 1300 ได้ตลอด 24 ชั่วโมง",
                    "facebook_message": (
                        "การค้ามนุษย์เกิดขึ้นใกล้ตัวเรา ตามชายแดน ในไซต์ก่อสร้าง ในเรือประมงและไร่นา "
                        "รู้จักสัญญาณ แล้วแจ้งสายด่วน 1300"
                    ),
                    "hashtags": "#ยุติการค้ามนุษย์ #EndHumanTrafficking",
                },
            ),
        ],
    },
    "en": {
        "title": "30 July 2025: end human trafficking on the Chiang Rai border",
        "intro": (
            "On World Day against Trafficking in Persons, partners in Chiang Rai protect migrant workers, stateless "
            "people, women and children along the Lao and Myanmar borders."
        ),
        "body": [
            _paragraph(
                "The Chiang Rai coordinating committee of civil-society organisations for the protection of children "
                "and women and against human trafficking has 16 member organisations, in the provincial capital and "
                "the districts along the Lao and Myanmar borders. It works on four pillars (anti-trafficking, "
                "statelessness, protection and education) and hosts the province's yearly anti-trafficking campaign."
            ),
            (
                "facts",
                {
                    "heading": "Working together, in numbers",
                    "facts": [
                        {"figure": "16", "label": "member organisations", "source": "Chiang Rai committee"},
                        {
                            "figure": "2,000+",
                            "label": "people reached by the campaigns",
                            "source": "Chiang Rai committee",
                        },
                        {
                            "figure": "126",
                            "label": "multidisciplinary team members trained",
                            "source": "2019–2021",
                        },
                    ],
                },
            ),
            (
                "quote",
                {
                    "quote": (
                        "Non-governmental organisations lack power when they work alone. If we work together, we are "
                        "stronger and can negotiate."
                    ),
                    "attribution": "A member of the Chiang Rai committee",
                },
            ),
            _event(
                WALK_DAY,
                ("", "chiang-rai"),
                (
                    "Young people campaign to end human trafficking",
                    "Young people and member organisations raise awareness of trafficking, labour rights, "
                    "identifying victims and reporting.",
                ),
            ),
            (
                "share_kit",
                {
                    "heading": "Spread the word",
                    "line_message": "30 July is World Day against Trafficking in Persons. If you see trafficking, call the "
                    "1300 hotline, 24 hours a day.",
                    "facebook_message": (
                        "Trafficking happens close to us: on the border, on building sites, on fishing boats and "
                        "farms. Know the signs and call 1300."
                    ),
                    "hashtags": "#EndHumanTrafficking",
                },
            ),
        ],
    },
}
