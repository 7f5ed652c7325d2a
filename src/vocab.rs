//! The vocabulary of the format, as data.
//!
//! Every word list that a rule of the parser depends on lives here: document
//! types, honorifics, title words, body types, role verbs, deadline cues,
//! signature authority marks and so on. The extractors compile these lists
//! into regular expressions (see [`alternation`]), so a new form is added by
//! adding a word, not by writing code.
//!
//! The lists come from Decree 30/2020/NĐ-CP (document types, authority marks,
//! the layout of the header and the footer) and from the general vocabulary
//! of Vietnamese administration. None of them holds a name or a sentence of
//! any particular notice.

use unicode_normalization::UnicodeNormalization;

/// Document type lines (the "tên loại", written in capitals) and the
/// snake-case kind each one gives.
pub const DOC_TYPES: &[(&str, &str)] = &[
    ("THÔNG BÁO", "thong_bao"),
    ("QUYẾT ĐỊNH", "quyet_dinh"),
    ("KẾ HOẠCH", "ke_hoach"),
    ("BÁO CÁO", "bao_cao"),
    ("KẾT LUẬN THANH TRA", "ket_luan_thanh_tra"),
    ("KẾT LUẬN KIỂM TRA", "ket_luan_kiem_tra"),
    ("KẾT LUẬN", "ket_luan"),
    ("NGHỊ QUYẾT", "nghi_quyet"),
    ("CHỈ THỊ", "chi_thi"),
    ("QUY CHẾ", "quy_che"),
    ("QUY ĐỊNH", "quy_dinh"),
    ("THÔNG CÁO", "thong_cao"),
    ("HƯỚNG DẪN", "huong_dan"),
    ("CHƯƠNG TRÌNH", "chuong_trinh"),
    ("PHƯƠNG ÁN", "phuong_an"),
    ("ĐỀ ÁN", "de_an"),
    ("DỰ ÁN", "du_an"),
    ("BIÊN BẢN", "bien_ban"),
    ("TỜ TRÌNH", "to_trinh"),
    ("CÔNG ĐIỆN", "cong_dien"),
    ("GIẤY MỜI", "giay_moi"),
    ("GIẤY GIỚI THIỆU", "giay_gioi_thieu"),
    ("GIẤY ỦY QUYỀN", "giay_uy_quyen"),
    ("BẢN GHI NHỚ", "ban_ghi_nho"),
    ("CÔNG VĂN", "cong_van"),
];

/// Document types as they are cited inside a text ("Quyết định số …"), with
/// their kind.
pub const CITED_TYPES: &[(&str, &str)] = &[
    ("Quyết định", "quyet_dinh"),
    ("Nghị quyết", "nghi_quyet"),
    ("Nghị định", "nghi_dinh"),
    ("Thông tư liên tịch", "thong_tu_lien_tich"),
    ("Thông tư", "thong_tu"),
    ("Chỉ thị", "chi_thi"),
    ("Kế hoạch", "ke_hoach"),
    ("Công văn", "cong_van"),
    ("Văn bản", "van_ban"),
    ("Thông báo", "thong_bao"),
    ("Kết luận", "ket_luan"),
    ("Báo cáo", "bao_cao"),
    ("Tờ trình", "to_trinh"),
    ("Hướng dẫn", "huong_dan"),
    ("Luật", "luat"),
    ("Quy định", "quy_dinh"),
    ("Chương trình", "chuong_trinh"),
    ("Đề án", "de_an"),
    ("Công điện", "cong_dien"),
    ("Pháp lệnh", "phap_lenh"),
];

/// Lines of the national motto block, never part of the issuer.
pub const MOTTO_CUES: &[&str] =
    &["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập", "ĐẢNG CỘNG SẢN VIỆT NAM"];

/// The words of the motto's second line that may stand alone at the start
/// of a line when its parts are split ("Tự do - Hạnh phúc").
pub const MOTTO_WORDS: &[&str] = &["tự do", "hạnh phúc"];

/// The opening words of the motto lines, enough to tell where a motto
/// column starts on a line that joins both header columns.
pub const MOTTO_HEADS: &[&str] = &["CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", "Độc lập", "ĐẢNG CỘNG SẢN"];

/// The subject mark of a công văn, a whole word: "V/v tổ chức …", "Về việc …".
pub const SUBJECT_MARKS: &[&str] = &["V/v", "Về việc"];

/// The address line of a công văn: "Kính gửi: …".
pub const ADDRESS_MARK: &str = "Kính gửi";

/// Marks that may stand in the header but are not the issuer: drafts,
/// urgency and secrecy stamps, circulation notes.
pub const HEADER_MARKS: &[&str] = &[
    "DỰ THẢO",
    "Dự thảo",
    "HỎA TỐC",
    "HOẢ TỐC",
    "THƯỢNG KHẨN",
    "KHẨN",
    "TUYỆT MẬT",
    "TỐI MẬT",
    "MẬT",
    "LƯU HÀNH NỘI BỘ",
    "XEM XONG TRẢ LẠI",
    "BẢN SAO",
];

/// Honorifics that introduce a person ("đồng chí Nguyễn Văn A").
pub const HONORIFICS: &[&str] = &["đồng chí", "Đồng chí", "đ/c", "Đ/c", "ông", "Ông", "bà", "Bà"];

/// The plural word, in lower case: before a body type it opens a list of
/// bodies after a colon ("các Sở: Tài chính, Xây dựng"), and before a
/// local unit a list of venues ("tại các xã Bình An, Bình Hòa").
pub const PLURAL_MARKER: &str = "các";

/// The characters of a rule drawn under a header line ("-----", "___",
/// "===", "***", dashes): three or more in a row are a rule, not text.
pub const RULE_CHARS: &[char] = &['-', '_', '=', '*', '–', '—'];

/// Phrases that open a group of participants rather than one person.
pub const GROUP_OPENERS: &[&str] = &[
    "các đồng chí",
    "Các đồng chí",
    "các ông, bà",
    "các",
    "Các",
    "thành viên",
    "Thành viên",
    "đại diện",
    "Đại diện",
    "lãnh đạo",
    "Lãnh đạo",
    "Thủ trưởng",
    "thủ trưởng",
    "Thường trực",
    "thường trực",
    "Tập thể",
    "tập thể",
];

/// Words that open a position title ("Chủ tịch UBND huyện").
pub const TITLE_HEADS: &[&str] = &[
    "Phó Chủ tịch",
    "Chủ tịch",
    "Phó Bí thư",
    "Bí thư",
    "Ủy viên",
    "Uỷ viên",
    "Tỉnh ủy viên",
    "Huyện ủy viên",
    "Thành ủy viên",
    "Phó Trưởng",
    "Trưởng",
    "Phó Giám đốc",
    "Giám đốc",
    "Phó Chánh Văn phòng",
    "Chánh Văn phòng",
    "Phó Chánh",
    "Chánh",
    "Phó Đội trưởng",
    "Đội trưởng",
    "Phó Trưởng phòng",
    "Trưởng phòng",
    "Phó Trưởng ban",
    "Trưởng ban",
    "Hiệu trưởng",
    "Viện trưởng",
    "Chánh án",
    "Chỉ huy trưởng",
    "Tổng Biên tập",
    "Thanh tra viên",
    "Chuyên viên",
    "Công chức",
    "công chức",
    "Phó Thủ tướng",
    "Thủ tướng",
    "Bộ trưởng",
    "Thứ trưởng",
    "Phó Chủ nhiệm",
    "Chủ nhiệm",
    "Cục trưởng",
    "Phó Cục trưởng",
    "Chi cục trưởng",
    "Tổng Giám đốc",
    "Đại biểu",
    "Thường trực",
    "Phó",
];

/// Heads of body names ("Phòng Nội vụ", "Sở Tài chính", "UBND huyện").
/// Longer heads come first where one is the prefix of another.
pub const BODY_HEADS: &[&str] = &[
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Ủy ban Mặt trận Tổ quốc",
    "Ủy ban MTTQ",
    "Ủy ban",
    "Uỷ ban",
    "UBND",
    "UBMTTQ",
    "UB MTTQ",
    "Hội đồng nhân dân",
    "HĐND",
    "Hội đồng",
    "Ban Chỉ huy",
    "Ban Quản lý",
    "Ban Chỉ đạo",
    "Ban",
    "BCH",
    "BQL",
    "BCĐ",
    "Phòng",
    "Sở",
    "Chi cục",
    "Tổng cục",
    "Cục",
    "Bộ Chỉ huy",
    "Bộ",
    "Công an",
    "Trung tâm",
    "Văn phòng",
    "VP",
    "Thanh tra",
    "Kho bạc",
    "Ngân hàng",
    "Bảo hiểm xã hội",
    "Đài",
    "Bệnh viện",
    "Trường",
    "Tổng công ty",
    "Công ty",
    "Hội",
    "Liên đoàn",
    "Đoàn",
    "Mặt trận",
    "Viện",
    "Tòa án",
    "Toà án",
    "Hạt",
    "Đội",
    "Chi nhánh",
    "Điện lực",
    "Hợp tác xã",
    "Nhà đầu tư",
    "Chủ đầu tư",
    "Huyện ủy",
    "Huyện uỷ",
    "Tỉnh ủy",
    "Tỉnh uỷ",
    "Thành ủy",
    "Đảng ủy",
    "Huyện đoàn",
    "Tỉnh đoàn",
    "Cơ quan",
    "Bưu điện",
    "Viễn thông",
    "Trạm",
    "Quỹ",
    "Nhà máy",
    "Tập đoàn",
    "Cảng vụ",
    "Đồn Biên phòng",
    "Bộ đội Biên phòng",
    "Báo",
    "Văn phòng Đăng ký",
    "Hội Nông dân",
    "Hội Liên hiệp Phụ nữ",
    "Hội Cựu chiến binh",
    "Đoàn Thanh niên",
    "Ban Dân tộc",
    "Tổ công tác",
    "Tổ",
    "Học viện",
    "Hiệp hội",
    "Thủ trưởng",
    "Lãnh đạo",
    // Officials of a commune who take tasks as a body does.
    "Trưởng thôn",
    "Trưởng bản",
    "Trưởng ấp",
    "Trưởng khu phố",
    "Trưởng tổ dân phố",
    "Công chức",
    "công chức",
];

/// Lower-case phrases that stand inside body names ("Đội Cảnh sát phòng
/// cháy, chữa cháy và cứu nạn, cứu hộ"), commas included.
pub const NAME_PHRASES: &[&str] = &[
    "phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "phòng cháy, chữa cháy",
    "phòng, chống thiên tai và tìm kiếm cứu nạn",
    "phòng, chống thiên tai",
    "phòng, chống tham nhũng",
    "phòng, chống dịch",
    "phòng, chống ma túy",
    "cứu nạn, cứu hộ",
];

/// Fields of government whose names hold "và" or a comma, so that a list
/// of bodies ("các Sở: Kế hoạch và Đầu tư, Tài chính") is not split inside one.
pub const FIELD_NAMES: &[&str] = &[
    "Kế hoạch và Đầu tư",
    "Tài nguyên và Môi trường",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường",
    "Giáo dục và Đào tạo",
    "Khoa học và Công nghệ",
    "Thông tin và Truyền thông",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hóa và Thông tin",
    "Văn hóa, Khoa học và Thông tin",
    "Lao động, Thương binh và Xã hội",
    "Lao động - Thương binh và Xã hội",
    "Kinh tế và Hạ tầng",
    "Tài chính - Kế hoạch",
    "Dân tộc và Tôn giáo",
    "Giao thông vận tải",
];

/// Words that start like a body head but are not bodies ("Tổ chức" is a
/// verb, "Hội nghị" an event).
pub const NOT_BODIES: &[&str] = &[
    "Tổ chức",
    "Hội nghị",
    "Hội thảo",
    "Hội thi",
    "Ban hành",
    "Đoàn kết",
    "Trường hợp",
    "Bộ máy",
    "Bộ phận một cửa",
    "Đội ngũ",
    "Cục bộ",
    "Báo cáo",
    "Trạm thu phí",
];

/// Nouns that make up a group of bodies after "các" ("các cơ quan, đơn
/// vị, địa phương").
pub const GROUP_NOUNS: &[&str] = &[
    "cơ quan trung ương",
    "tỉnh",
    "quận",
    "cấp ủy",
    "cấp uỷ",
    "tổ chức đảng",
    "chi bộ",
    "đảng bộ",
    "đoàn thể chính trị - xã hội",
    "tổ chức chính trị - xã hội",
    "cơ quan",
    "bộ",
    "đơn vị",
    "địa phương",
    "sở",
    "ban",
    "ngành",
    "phòng",
    "xã",
    "thị trấn",
    "phường",
    "huyện",
    "thành phố",
    "thị xã",
    "doanh nghiệp",
    "tổ chức",
    "cá nhân",
    "hội",
    "đoàn thể",
    "trường",
    "hợp tác xã",
    "chủ đầu tư",
    "nhà đầu tư",
    "chi cục",
    "trung tâm",
    "thôn",
    "tổ dân phố",
    "thành viên",
];

/// Words after the concluder's name in a subject that end it ("Kết luận
/// của đồng chí X, Chủ tịch UBND huyện tại cuộc họp …").
pub const CONCLUDER_ENDS: &[&str] =
    &["tại", "về", "trong", "khi", "với", "đối với", "làm việc", "nghe", "chủ trì", "và đồng chí", "và ông", "và bà"];

/// The persons named before a group of bodies in a list head ("Thủ
/// trưởng các cơ quan: …", "Đại diện lãnh đạo các xã: …"): left out of the
/// head's name; each may take [`GROUP_OPENER_SECOND`] after it.
pub const GROUP_OPENERS_BEFORE_LIST: &[&str] =
    &["Thủ trưởng", "thủ trưởng", "Lãnh đạo", "lãnh đạo", "Đại diện", "đại diện"];

/// What may follow one of [`GROUP_OPENERS_BEFORE_LIST`] ("Đại diện lãnh đạo").
pub const GROUP_OPENER_SECOND: &[&str] = &["Lãnh đạo", "lãnh đạo"];

/// Words that may lead a group of bodies ("Thủ trưởng các cơ quan …",
/// "UBND các xã …").
pub const GROUP_LEADS: &[&str] = &[
    "Thủ trưởng",
    "thủ trưởng",
    "Lãnh đạo",
    "lãnh đạo",
    "Đại diện",
    "đại diện",
    "UBND",
    "Ủy ban nhân dân",
    "Chủ tịch UBND",
    "Chủ tịch",
    "Trưởng",
    "Giám đốc",
    "Bí thư",
];

/// The word that opens a group of bodies ("các").
pub const GROUP_WORDS: &[&str] = &["các"];

/// Localities that may close a group after its qualifier ("… có liên quan
/// (UBND) huyện").
pub const GROUP_LOCALITIES: &[&str] = &["huyện", "tỉnh", "thành phố", "thị xã", "xã"];

/// Qualifiers that may close a group of bodies ("… có liên quan").
pub const GROUP_QUALIFIERS: &[&str] = &[
    "có liên quan",
    "liên quan",
    "có chức năng",
    "chức năng",
    "chuyên môn",
    "sự nghiệp",
    "trực thuộc",
    "thuộc huyện",
    "thuộc tỉnh",
    "thuộc thành phố",
    "thuộc thị xã",
    "trên địa bàn",
];

/// Words that name a kind of locality; what follows them is a proper name.
pub const LOCALITY_WORDS: &[&str] =
    &["huyện", "tỉnh", "thị xã", "thành phố", "thị trấn", "xã", "phường", "quận", "Huyện", "Tỉnh"];

/// Verbs and predicate openers that end a body name ("Giao Phòng X *tham
/// mưu* …"). Matched in lower case only, so that "Sở Xây dựng" stays a name
/// while "xây dựng" ends one.
pub const PREDICATE_WORDS: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "tham mưu",
    "thực hiện",
    "tổ chức",
    "tập trung",
    "tiếp tục",
    "khẩn trương",
    "chịu trách nhiệm",
    "có trách nhiệm",
    "theo chức năng",
    "theo",
    "có kế hoạch",
    "rà soát",
    "hướng dẫn",
    "kiểm tra",
    "xây dựng",
    "chỉ đạo",
    "đôn đốc",
    "triển khai",
    "báo cáo",
    "đề xuất",
    "nghiên cứu",
    "xử lý",
    "giải quyết",
    "hoàn thành",
    "hoàn thiện",
    "lập",
    "cung cấp",
    "hỗ trợ",
    "quản lý",
    "tăng cường",
    "đẩy mạnh",
    "chuẩn bị",
    "bố trí",
    "thẩm định",
    "trình",
    "tiếp nhận",
    "tổng hợp",
    "vận động",
    "tuyên truyền",
    "đảm bảo",
    "bảo đảm",
    "cân đối",
    "làm việc",
    "làm đầu mối",
    "làm rõ",
    "khảo sát",
    "chủ động",
    "phấn đấu",
    "quan tâm",
    "ban hành",
    "thông báo",
    "xác định",
    "lựa chọn",
    "thống nhất",
    "cập nhật",
    "công bố",
    "đánh giá",
    "tích cực",
    "nâng cao",
    "duy trì",
    "kịp thời",
    "sớm",
    "lưu ý",
    "phải",
    "cần",
    "được",
    "sẽ",
    "đã",
    "tiến hành",
    "tiếp thu",
    "khắc phục",
    "giám sát",
    "phê duyệt",
    "bàn giao",
    "rà soát",
    "tháo gỡ",
    "đề nghị",
    "yêu cầu",
    "giao",
    "cùng",
    "để",
    "nhằm",
    "trong",
    "tại",
    "về việc",
    "về",
    "cho",
    "sớm",
    "có",
    "kiện toàn",
    "di dời",
    "thi công",
    "đầu tư",
    "sửa chữa",
    "nâng cấp",
    "thẩm tra",
    "bồi thường",
    "giải phóng",
    "kiểm soát",
    "theo dõi",
    "thực thi",
    "trả lời",
    "giải trình",
    "nghiệm thu",
    "thanh toán",
    "quyết toán",
    "phổ biến",
    "tổng kết",
    "sơ kết",
    "xem xét",
    "bổ sung",
    "điều chỉnh",
    "sắp xếp",
    "rút kinh nghiệm",
    "đề ra",
    "liên hệ",
    "gửi",
    "căn cứ",
    "quyết liệt",
    "đối chiếu",
    "xác minh",
    "thu hồi",
    "kiểm kê",
    "cấp phép",
    "hoàn chỉnh",
    "lấy ý kiến",
    "phân bổ",
    "giải ngân",
    "cải tạo",
    "vận hành",
    "duy tu",
    "tuần tra",
    "ra quân",
    "tăng",
    "giảm",
    "đẩy nhanh",
    "ưu tiên",
    "đề xuất",
    "nghiêm túc",
    "đồng thời",
    "khởi công",
    "định kỳ",
    "thường xuyên",
    "phân công",
    "tham gia",
    "phát động",
    "huy động",
    "tập huấn",
    "lắp đặt",
    "kêu gọi",
    "thúc đẩy",
    "nắm bắt",
    "phát huy",
    "tạo điều kiện",
    "chấp hành",
    "hằng",
    "hàng tuần",
    "hàng tháng",
    "hàng quý",
    "hàng năm",
    "khẩn",
    "thường xuyên",
    "nhanh chóng",
];

/// Verbs that are also the field words of body names ("Phòng Quản lý xây
/// dựng", "Ban Quản lý dự án đầu tư xây dựng"): they end a name only when
/// the clause does not go on to a role cue.
pub const NAME_VERBS: &[&str] = &[
    "xây dựng",
    "đầu tư",
    "quản lý",
    "phát triển",
    "kiểm tra",
    "thanh tra",
    "tổ chức",
    "tuyên truyền",
    "hướng dẫn",
    "giải phóng",
    "bồi thường",
    "hỗ trợ",
    "xúc tiến",
    "cung cấp",
    "giám sát",
    "thông báo",
];

/// The two words before a [`NAME_VERBS`] verb that make it part of a name
/// ("vật liệu xây dựng", "dự án đầu tư"), in lower case.
pub const NAME_VERB_LICENSORS: &[&str] =
    &["quản lý", "vật liệu", "dự án", "đầu tư", "chất lượng", "hoạt động", "trung tâm", "công trình"];

/// Nouns whose syllables could read as predicates ("công trình", "giao
/// thông"): inside a name they are not predicates.
pub const COMPOUND_NOUNS: &[&str] = &[
    "công trình",
    "chương trình",
    "quy trình",
    "lộ trình",
    "tiến trình",
    "giáo trình",
    "thành lập",
    "giao thông",
    "giao dịch",
    "quốc phòng",
    "phòng cháy",
];

/// Two-syllable words that stand in body names with only the first syllable
/// capitalised ("Công ty TNHH Xây dựng …", "Ngân hàng Chính sách xã hội"):
/// the lower-case syllable does not end the name.
pub const NAME_COMPOUNDS: &[&str] = &[
    "xây dựng",
    "thương mại",
    "dịch vụ",
    "đầu tư",
    "phát triển",
    "kế hoạch",
    "xã hội",
    "môi trường",
    "sản xuất",
    "tổng hợp",
    "vận tải",
    "công nghệ",
    "công nghiệp",
    "nông nghiệp",
    "nông thôn",
    "thủy lợi",
    "thuỷ lợi",
    "điện lực",
    "đô thị",
    "hạ tầng",
    "giáo dục",
    "y tế",
    "du lịch",
    "thể thao",
    "tài chính",
    "tài nguyên",
    "khoa học",
    "thông tin",
    "truyền thông",
    "lao động",
    "quản lý",
    "kinh doanh",
    "xuất khẩu",
    "nhập khẩu",
    "cấp nước",
    "thoát nước",
    "chiếu sáng",
    "bất động sản",
    "khai thác",
    "chỉ đạo",
    "chỉ huy",
    "cứu nạn",
    "cứu hộ",
    "dân vận",
    "tuyên giáo",
    "nội chính",
    "kinh tế",
    "văn hóa",
    "văn hoá",
    "hành chính",
    "tư pháp",
    "hộ tịch",
    "thống kê",
    "kế toán",
    "địa chính",
    "dân số",
    "dân tộc",
    "tôn giáo",
    "quân sự",
    "giao thông",
    "thanh niên",
    "phụ nữ",
    "nông dân",
];

/// Role cues written after the body they assign ("X chủ trì").
pub const ROLE_CUES_AFTER: &[&str] =
    &["chủ trì", "phối hợp", "tham mưu", "chịu trách nhiệm", "có trách nhiệm", "theo chức năng"];

/// Words that open a venue after "tại" ("tại phòng họp Sở X").
pub const VENUE_HEADS: &[&str] = &[
    "phòng họp",
    "Phòng họp",
    "hội trường",
    "Hội trường",
    "trụ sở",
    "Trụ sở",
    "nhà văn hóa",
    "Nhà văn hóa",
    "văn phòng",
    "Văn phòng",
    "điểm cầu",
    "thực địa",
    "hiện trường",
    "khu vực",
    "công trường",
];

/// Local units whose name, after "tại" (and maybe "các"), names a venue:
/// "tại xã Bình An", "tại các thôn Đông, Tây".
pub const VENUE_LOCALITIES: &[&str] = &["xã", "phường", "thị trấn", "thôn", "bản", "huyện", "tỉnh", "thành phố"];

/// Role cues written before the body they assign, with the role they give.
pub const ROLE_PREFIXES: &[(&str, crate::model::Role)] = &[
    ("giao", crate::model::Role::Lead),
    ("yêu cầu", crate::model::Role::Lead),
    ("phân công", crate::model::Role::Lead),
    ("đề nghị", crate::model::Role::Requested),
    ("kiến nghị", crate::model::Role::Requested),
    ("phối hợp chặt chẽ với", crate::model::Role::Coordinate),
    ("phối hợp với", crate::model::Role::Coordinate),
    ("phối hợp", crate::model::Role::Coordinate),
    ("phối hợp cùng", crate::model::Role::Coordinate),
    ("cùng với", crate::model::Role::Coordinate),
    ("và phối hợp", crate::model::Role::Coordinate),
];

/// Role verbs that assign only when they open a clause ("Chỉ đạo Phòng X
/// rà soát …"); after a subject ("Phòng X chỉ đạo các trường …") the
/// subject is the assignee.
pub const CLAUSE_PREFIXES: &[&str] = &["Chỉ đạo", "chỉ đạo"];

/// Predicates that, right after a body in subject position, make it an
/// adviser rather than the lead.
pub const ADVISE_PREDICATES: &[&str] = &["tham mưu"];

/// Predicates that, right after a body in subject position, make it a
/// coordinator ("…; Công an huyện phối hợp thực hiện").
pub const COORDINATE_PREDICATES: &[&str] =
    &["phối hợp", "có trách nhiệm phối hợp", "cùng phối hợp", "tham gia phối hợp", "chịu trách nhiệm phối hợp"];

/// Labels of a field whose colon is not a heading's ("…, Thời gian hoàn
/// thành: Quý III/2025", "Đơn vị chủ trì: Sở Tài chính").
pub const FIELD_LABELS: &[&str] = &[
    "Thời gian hoàn thành",
    "Thời gian thực hiện",
    "Thời hạn hoàn thành",
    "Thời hạn",
    "Hạn hoàn thành",
    "Thời gian",
    "Đơn vị chủ trì",
    "Đơn vị phối hợp",
    "Đơn vị thực hiện",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Kinh phí",
    "Sản phẩm",
];

/// Words that open a topic head ("Về thu ngân sách:", "Đối với công tác
/// X:"): the text after its colon is the item's text, and its subject may
/// be an assignee.
pub const TOPIC_OPENERS: &[&str] = &["Về", "VỀ", "Đối với", "ĐỐI VỚI"];

/// The topic opener that `s` starts with, as a word of its own.
pub fn topic_opener(s: &str) -> Option<&'static str> {
    TOPIC_OPENERS.iter().copied().find(|o| s.strip_prefix(*o).is_some_and(|r| r.starts_with(' ')))
}

/// Words before a body at the start of a head that names it ("Đối với
/// Phòng Tài chính - Kế hoạch:").
pub const HEAD_OPENERS: &[&str] = &["Đối với", "đối với", "ĐỐI VỚI"];

/// Words that introduce the meeting's attendees.
pub const ATTENDEE_CUES: &[&str] = &[
    "Tham dự",
    "tham dự",
    "Dự họp",
    "dự họp",
    "Cùng dự",
    "cùng dự",
    "Thành phần tham dự",
    "Thành phần dự họp",
    "Thành phần",
    "Cùng tham dự",
    "cùng tham dự",
    "Dự",
];

/// The attendee cues that a colon may follow at once ("Thành phần:",
/// "Tham dự:"); a list that "có" or "gồm" opens may follow any of
/// [`ATTENDEE_CUES`].
pub const ATTENDEE_COLON_CUES: &[&str] =
    &["Thành phần tham dự", "Thành phần dự họp", "Thành phần", "Tham dự", "Dự họp"];

/// Words that name a kind of meeting; `"tại <one of these>"` names an event,
/// not a venue.
pub const MEETING_KINDS: &[&str] = &[
    "Hội nghị",
    "hội nghị",
    "cuộc họp",
    "Cuộc họp",
    "phiên họp",
    "Phiên họp",
    "buổi làm việc",
    "Buổi làm việc",
    "buổi họp",
    "họp",
    "giao ban",
    "buổi kiểm tra",
    "kiểm tra thực tế",
    "Hội thảo",
    "hội thảo",
    "buổi tiếp",
    "buổi đối thoại",
];

/// Headings (or opening words) of the assessment part.
pub const ASSESSMENT_CUES: &[&str] =
    &["đánh giá", "kết quả đạt được", "kết quả thực hiện", "tình hình", "bối cảnh", "ghi nhận", "nhận xét"];

/// Headings of the part that holds the directives.
pub const TASK_SECTION_CUES: &[&str] = &[
    "nhiệm vụ",
    "giải pháp",
    "chỉ đạo",
    "phân công",
    "thời gian tới",
    "triển khai",
    "kiến nghị",
    "đề xuất",
    "yêu cầu",
    "giao",
    "tổ chức thực hiện",
];

/// Authority marks of the signature block, as written, with the canonical
/// mark (Decree 30/2020, Article 13; Party style with a slash).
pub const AUTHORITY_MARKS: &[(&str, &str)] = &[
    ("T/M", "TM"),
    ("TM", "TM"),
    ("K/T", "KT"),
    ("KT", "KT"),
    ("T/L", "TL"),
    ("TL", "TL"),
    ("TUQ", "TUQ"),
    ("T/UQ", "TUQ"),
    ("Q", "Q"),
];

/// Abbreviations written with a period that does not end a sentence
/// ("TT. Huyện ủy", "TP. Hà Nội").
pub const DOTTED_ABBREVIATIONS: &[&str] =
    &["TT", "TP", "Tp", "TX", "Q", "P", "ThS", "TS", "PGS", "GS", "BS", "KS", "CN", "Đ/c", "đ/c", "St", "No"];

/// The characters that bullet an item ("- Giao …", "• Sở …").
pub const BULLET_CHARS: &[char] = &['-', '+', '•', '*', '–', '—', '−'];

/// The word before an ordinal that opens an item ("Thứ nhất, …").
pub const ORDINAL_LEAD: &str = "Thứ";

/// The ordinal words after [`ORDINAL_LEAD`] ("Thứ hai, …").
pub const ORDINAL_WORDS: &[&str] = &["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];

/// Roman numerals accepted as section labels, in order.
pub const ROMAN: &[&str] = &[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
    "XVIII", "XIX", "XX",
];

/// The letters of point labels, in Vietnamese alphabetical order (đ after
/// d; no f, j, w, z).
pub const POINT_LETTERS: &[&str] = &[
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
];

/// Common Vietnamese family names, used to find a person's name where no
/// honorific introduces it.
pub const SURNAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Đào", "Đoàn", "Vương", "Trịnh", "Trương", "Lâm", "Phùng", "Mai", "Tô", "Hà", "Tạ", "Lương", "Đinh", "Cao",
    "Chu", "Châu", "Lưu", "Kiều", "Thái", "Quách", "Tăng", "Triệu", "La", "Từ", "Khổng", "Nông", "Lò", "Hứa", "Diệp",
    "Văn", "Mạc", "Âu", "Ung", "Thân", "Tống", "Đàm", "Giang", "Khúc", "Doãn", "Lại", "Ninh", "Viên", "Hầu", "Bạch",
    "Trang", "Quan", "Phó", "Đồng", "Tôn", "Thạch", "Danh", "Kim", "Sơn", "Y", "H'",
];

/// Common middle names: a capitalised run whose second word is one of these
/// is a person's name even when the family name is rare ("Mẫn Thị Hoài").
pub const MIDDLE_NAMES: &[&str] = &[
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Ngọc", "Thanh", "Xuân", "Hồng", "Công", "Đình", "Quang", "Bá",
    "Trọng", "Duy", "Thế", "Kim", "Anh", "Tiến", "Hoàng", "Việt", "Trung", "Phương", "Như", "Thu", "Khánh", "Mạnh",
    "Tuấn", "Huy", "Hải", "Thái", "Chí", "Đăng", "Phước", "Thành", "Hoài", "Mỹ", "Bảo", "Gia", "Khắc", "Tất",
];

/// Section-opening words of the closing sentence.
pub const CLOSING_CUES: &[&str] = &[
    "Nay thông báo",
    "Trên đây là",
    "Trân trọng thông báo",
    "thông báo để",
    "thông báo đến",
    "Thông báo để",
    "thông báo kết luận của",
    "thông báo ý kiến kết luận của",
];

/// Lead-in phrases that end the meeting paragraph and open the conclusions.
pub const LEAD_IN_CUES: &[&str] = &[
    "kết luận như sau",
    "kết luận và chỉ đạo như sau",
    "ý kiến kết luận như sau",
    "ý kiến chỉ đạo như sau",
    "có ý kiến như sau",
    "chỉ đạo như sau",
    "kết luận một số nội dung sau",
    "kết luận các nội dung sau",
    "kết luận những nội dung sau",
    "kết luận một số vấn đề sau",
    "kết luận",
    "như sau",
];

/// Capitalised words that open the meeting sentence when a date follows
/// ("Ngày 7/3/2021, …", "Sáng ngày …", "Vào lúc 8 giờ …"): a line that
/// starts so opens a new paragraph even without a blank line before it.
pub const MEETING_OPENERS: &[&str] =
    &["Vào", "Sáng", "Chiều", "Tối", "Trưa", "Buổi", "Ngày", "Hôm", "Lúc", "Trong", "Từ"];

/// Words that open the lead-in sentence after the meeting paragraph
/// ("Sau khi nghe … báo cáo, … kết luận như sau:").
pub const LEAD_IN_OPENERS: &[&str] = &["Sau khi nghe", "Sau khi xem xét", "Qua nghe"];

/// Words that start the list of recipients.
pub const RECIPIENTS_CUES: &[&str] = &["Nơi nhận", "NƠI NHẬN"];

/// Words that start the archive line of the recipients.
pub const ARCHIVE_CUES: &[&str] = &["Lưu", "LƯU"];

/// Reasons given for an absence.
pub const ABSENCE_REASONS: &[&str] = &[
    "có lý do",
    "có lí do",
    "vì lý do công tác",
    "đi công tác",
    "bận công tác",
    "vì lý do sức khỏe",
    "vì lý do sức khoẻ",
];

/// Marks that a signature line is a placeholder for the handwritten
/// signature rather than text ("(Đã ký)").
pub const SIGNED_MARKS: &[&str] = &["Đã ký", "đã ký", "Ký", "ký", "Chữ ký"];

/// Deadline cues: verbs of submission after which a period that ends the
/// clause bounds the task ("trình Chủ tịch UBND xã trong tháng 10.").
pub const DEADLINE_SUBMIT_CUES: &[&str] = &["trình", "báo cáo", "gửi", "nộp"];

/// Deadline cues: words right before a submission verb that make it part of
/// a noun ("chương trình", "công trình", "tờ trình").
pub const DEADLINE_SUBMIT_NOUN_PREFIXES: &[&str] =
    &["chương", "quy", "công", "tờ", "lộ", "hành", "tiến", "giáo", "phương", "đệ", "thuyết", "biểu"];

/// Words after "trong vòng N ngày" that make it look back, not ahead
/// ("trong vòng 10 ngày qua"): no deadline.
pub const DEADLINE_LOOKBACK_WORDS: &[&str] = &["qua", "vừa qua", "gần đây", "trước"];

/// Where an occasion deadline ("trước Tết Nguyên đán …") stops: the next
/// coordinated or purpose clause.
pub const DEADLINE_CLAUSE_BREAKS: &[&str] = &[" và ", " để ", " nhằm ", " đảm bảo ", " bảo đảm "];

/// Words between a chair and the meeting's event ("… chủ trì đã có buổi
/// làm việc"), skipped so that the event starts at its own word; the
/// longest first.
pub const MEETING_EVENT_AUXILIARIES: &[&str] = &["đã có ", "đã ", "có "];

/// Where a venue ends in the meeting sentence: punctuation, or the next
/// clause ("tại Hội trường UBND huyện đã …", "… do …", "… diễn ra …").
pub const VENUE_STOPS: &[&str] = &[",", ";", "(", ".", " đã ", " do ", " diễn ra", " chủ trì", " để "];

/// Deadline cues: words right before `"trong <period>"` that make the period
/// name what the task is about, not when it is due ("báo cáo tình hình thực
/// hiện trong tháng 10", a heading "Nhiệm vụ trong 6 tháng cuối năm 2025").
pub const DEADLINE_PERIOD_SUBJECT_WORDS: &[&str] = &[
    "tình hình",
    "tình hình thực hiện",
    "kết quả",
    "kết quả thực hiện",
    "phát sinh",
    "đạt được",
    "xảy ra",
    "nhiệm vụ",
    "nhiệm vụ trọng tâm",
    "nhiệm vụ chủ yếu",
    "phương hướng",
    "mục tiêu",
    "chỉ tiêu",
];

/// Days of the week. A weekday is never a calendar date: a deadline on one
/// recurs ("trước 17 giờ ngày thứ Sáu hằng tuần").
pub const WEEKDAYS: &[&str] = &[
    "thứ Hai",
    "thứ Ba",
    "thứ Tư",
    "thứ Năm",
    "thứ Sáu",
    "thứ Bảy",
    "Chủ nhật",
    "thứ 2",
    "thứ 3",
    "thứ 4",
    "thứ 5",
    "thứ 6",
    "thứ 7",
];

/// The position of a day within its period ("Chủ nhật cuối cùng hằng tháng").
pub const DAY_POSITIONS: &[&str] = &["cuối cùng", "đầu tiên", "cuối", "đầu"];

/// Parts of the day that may stand before a weekday ("tối thứ Bảy hằng tuần").
pub const DAY_PARTS: &[&str] = &["sáng", "trưa", "chiều", "tối"];

/// Words that make a time recur ("hằng tuần", "hàng tháng", "mỗi quý").
pub const RECURRENCE_WORDS: &[&str] = &["hằng", "hàng", "mỗi"];

/// The periods a time recurs on.
pub const RECURRENCE_PERIODS: &[&str] = &["ngày", "tuần", "tháng", "quý", "năm"];

/// The issue of the notice itself as the anchor of a relative deadline
/// ("trong vòng 10 ngày kể từ ngày ký").
pub const ISSUE_ANCHORS: &[&str] = &["ký ban hành", "ký", "ban hành"];

/// How a notice names itself after an issue anchor ("kể từ ngày ký Thông
/// báo này").
pub const SELF_REFERENCES: &[&str] = &["Thông báo này", "Thông báo kết luận này", "Kết luận này", "văn bản này"];

/// Words that open a purpose clause: a deadline in `"để <body> …"` is that
/// body's, not the task's ("… để UBND huyện báo cáo UBND tỉnh trước ngày …").
pub const PURPOSE_WORDS: &[&str] = &["để", "nhằm"];

/// Vowel pairs whose tone mark may sit on either vowel (old and new
/// placement: "hòa" and "hoà").
const TONE_PAIRS: &[(char, char)] = &[('o', 'a'), ('o', 'e'), ('u', 'y')];

/// The five Vietnamese tone marks as combining characters.
const TONE_MARKS: &[char] = &['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// The spellings of `word` under both tone placements ("hòa" gives
/// "hòa" and "hoà"), in NFC. Words without an affected syllable give
/// themselves.
pub fn tone_variants(word: &str) -> Vec<String> {
    if !may_move_tone(word) {
        return vec![word.to_owned()];
    }
    all_tone_variants(word)
}

/// Whether a tone mark of `word` could move: it holds a combining mark
/// (text not in NFC), or two letters side by side that are the vowels of
/// a pair of [`TONE_PAIRS`], one of them with a tone mark
/// ([`TONED_VOWELS`]), in either case. Most words hold neither, and
/// [`tone_variants`] gives them as they are without reading their
/// syllables.
fn may_move_tone(word: &str) -> bool {
    let bare = &*BARE_VOWELS;
    // The vowel `c` bears (lower case, without its tone mark), if any.
    let vowel = |c: char| -> Option<char> {
        if c.is_ascii() {
            Some(c.to_ascii_lowercase())
        } else {
            bare.binary_search_by_key(&c, |&(toned, _)| toned).ok().and_then(|i| bare.get(i)).map(|&(_, v)| v)
        }
    };
    // The character before and the vowel it bears.
    let mut before: Option<(char, Option<char>)> = None;
    for c in word.chars() {
        if is_combining_mark(c) {
            return true;
        }
        let v = vowel(c);
        // Two ASCII letters have no tone mark between them.
        if let (Some((b, Some(x))), Some(y)) = (before, v)
            && !(b.is_ascii() && c.is_ascii())
            && TONE_PAIRS.contains(&(x, y))
        {
            return true;
        }
        before = Some((c, v));
    }
    false
}

/// The letters of [`TONED_VOWELS`], in both cases, each with the vowel it
/// bears (lower case, bare), sorted by letter.
static BARE_VOWELS: std::sync::LazyLock<Vec<(char, char)>> = std::sync::LazyLock::new(|| {
    let mut all: Vec<(char, char)> = TONED_VOWELS
        .iter()
        .flat_map(|&(v, forms)| {
            forms.chars().flat_map(move |c| std::iter::once((c, v)).chain(c.to_uppercase().map(move |u| (u, v))))
        })
        .collect();
    all.sort_unstable();
    all.dedup();
    all
});

/// [`tone_variants`], syllable by syllable.
fn all_tone_variants(word: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![String::with_capacity(word.len())];
    // The syllable being read: where it starts in `word`.
    let mut syllable = 0;
    for (i, c) in word.char_indices() {
        if crate::lexicon::is_alphabetic(c) {
            continue;
        }
        add_syllable(word.get(syllable..i).unwrap_or_default(), &mut out);
        syllable = i + c.len_utf8();
        for s in &mut out {
            s.push(c);
        }
    }
    add_syllable(word.get(syllable..).unwrap_or_default(), &mut out);
    out.sort();
    out.dedup();
    out
}

/// Appends the forms of `syl` to each spelling in `out`: one spelling per
/// pair of a spelling and a form.
fn add_syllable(syl: &str, out: &mut Vec<String>) {
    if syl.is_ascii() {
        // No tone mark to move: the syllable itself (most syllables).
        for s in out.iter_mut() {
            s.push_str(syl);
        }
        return;
    }
    let Some(forms) = syllable_forms(syl) else {
        for s in out.iter_mut() {
            s.push_str(syl);
        }
        return;
    };
    let mut next = Vec::with_capacity(out.len() * forms.len());
    for prefix in out.iter() {
        for f in &forms {
            let mut s = String::with_capacity(prefix.len() + f.len());
            s.push_str(prefix);
            s.push_str(f);
            next.push(s);
        }
    }
    *out = next;
}

/// Both tone placements of one syllable, when it ends in an affected pair
/// (`None` when the syllable has one spelling: itself).
fn syllable_forms(syl: &str) -> Option<[String; 2]> {
    if syl.is_ascii() {
        // No tone mark to move.
        return None;
    }
    // Every pair ends in a vowel: a syllable that ends in another ASCII
    // letter has no pair, whatever its marks (most syllables stop here,
    // before the decomposition below).
    if syl
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii() && !TONE_PAIRS.iter().any(|&(_, b)| b == c.to_ascii_lowercase()))
    {
        return None;
    }
    // Nor can a syllable whose last two letters, in NFC, are not the
    // vowels of a pair (bare or with a tone mark): this test needs no
    // decomposition, and only a combining mark at the end (text not in
    // NFC) goes on to the full one.
    let mut last = syl.chars().rev();
    if let (Some(b), Some(a)) = (last.next(), last.next())
        && !is_combining_mark(b)
        && !is_combining_mark(a)
        && !TONE_PAIRS.iter().any(|&(x, y)| bears_vowel(a, x) && bears_vowel(b, y))
    {
        return None;
    }
    forms_by_decomposition(syl)
}

/// [`syllable_forms`] by the full decomposition, without its shortcuts.
fn forms_by_decomposition(syl: &str) -> Option<[String; 2]> {
    let decomposed: Vec<char> = syl.nfd().collect();
    let tone_pos = decomposed.iter().position(|c| TONE_MARKS.contains(c))?;
    let tone = decomposed.get(tone_pos).copied().unwrap_or('\u{300}');
    let bare: Vec<char> = decomposed.iter().copied().filter(|c| !TONE_MARKS.contains(c)).collect();
    let n = bare.len();
    if n < 2 {
        return None;
    }
    let (Some(&a), Some(&b)) = (bare.get(n - 2), bare.get(n - 1)) else {
        return None;
    };
    let (la, lb) = (a.to_lowercase().next().unwrap_or(a), b.to_lowercase().next().unwrap_or(b));
    if !TONE_PAIRS.contains(&(la, lb)) {
        return None;
    }
    // "qu" + y: the u belongs to the consonant, the tone always sits on y.
    if n >= 3 && la == 'u' && bare.get(n - 3).is_some_and(|c| matches!(c, 'q' | 'Q')) {
        return None;
    }
    let place = |at: usize| -> String {
        let mut v = bare.clone();
        v.insert(at + 1, tone);
        v.into_iter().nfc().collect()
    };
    Some([place(n - 2), place(n - 1)])
}

/// The five tone-marked forms of each vowel of [`TONE_PAIRS`], in NFC, in
/// the order of [`TONE_MARKS`].
const TONED_VOWELS: &[(char, &str)] = &[('a', "àáãảạ"), ('e', "èéẽẻẹ"), ('y', "ỳýỹỷỵ"), ('o', "òóõỏọ"), ('u', "ùúũủụ")];

/// Whether `c` is the vowel `v` (lower case), in either case, bare or
/// with one tone mark.
fn bears_vowel(c: char, v: char) -> bool {
    if c.is_ascii() {
        return c.to_ascii_lowercase() == v;
    }
    let mut lower = c.to_lowercase();
    let l = lower.next().unwrap_or(c);
    TONED_VOWELS.iter().any(|&(x, forms)| x == v && forms.contains(l))
}

/// Whether `c` is a combining diacritical mark (U+0300 to U+036F).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

/// A regex alternation `(?:w1|w2|…)` that matches any of `words` under
/// either tone placement, longest first, each escaped.
pub fn alternation(words: &[&str]) -> String {
    let mut forms: Vec<String> =
        words.iter().flat_map(|w| tone_variants(w)).map(|w| regex_syntax::escape(&w).replace(' ', r"\s+")).collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    forms.dedup();
    format!("(?:{})", forms.join("|"))
}

/// The canonical kind of a document type line, if `line` is one.
pub fn doc_type_kind(line: &str) -> Option<&'static str> {
    let folded = fold_key(line);
    DOC_TYPES.iter().find(|(t, _)| fold_key(t) == folded).map(|(_, k)| *k)
}

/// The end of `s` from the first word that starts within its last `max`
/// bytes (all of `s` when it is shorter): what a check of the last words
/// needs, so that it costs the same however long `s` is. The part returned
/// starts at the start of `s` or at white space.
pub(crate) fn last_words(s: &str, max: usize) -> &str {
    let near = s.ceil_char_boundary(s.len().saturating_sub(max));
    if near == 0 {
        return s;
    }
    s.get(near..).and_then(|r| r.find(char::is_whitespace)).and_then(|i| s.get(near + i..)).unwrap_or_default()
}

/// A key for comparing Vietnamese words: decomposed (NFD), tone placement
/// made uniform (each syllable's tone mark moved to its end), Ð made Đ,
/// white space collapsed. Case is kept.
pub fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if w.is_ascii() {
            out.push_str(w);
            continue;
        }
        let start = out.len();
        if !fold_word_fast(w, &mut out) {
            // A character the table does not hold: the word through the
            // full NFD.
            out.truncate(start);
            let mut tone = None;
            for c in w.nfd() {
                fold_push(fold_class(c), &mut tone, &mut out);
            }
            if let Some(t) = tone {
                out.push(t);
            }
        }
    }
    out
}

/// What [`fold_key`] does with one character of a decomposed word.
#[derive(Debug, Clone, Copy)]
enum Fold {
    /// Written out (Ð as Đ).
    Keep(char),
    /// A tone mark, held to the end of the syllable.
    Tone(char),
    /// Neither a letter, a digit nor a mark: it ends the syllable, so the
    /// tone held is written before it.
    Break(char),
}

/// The [`Fold`] of `c`.
fn fold_class(c: char) -> Fold {
    match c {
        'Ð' => Fold::Keep('Đ'),
        'ð' => Fold::Keep('đ'),
        _ if TONE_MARKS.contains(&c) => Fold::Tone(c),
        _ if !c.is_alphanumeric() && !is_mark(c) => Fold::Break(c),
        _ => Fold::Keep(c),
    }
}

/// Writes `f` out, holding a tone in `tone`.
fn fold_push(f: Fold, tone: &mut Option<char>, out: &mut String) {
    match f {
        Fold::Keep(c) => out.push(c),
        Fold::Tone(t) => *tone = Some(t),
        Fold::Break(c) => {
            if let Some(t) = tone.take() {
                out.push(t);
            }
            out.push(c);
        }
    }
}

/// The Latin letters of Vietnamese that [`FOLD_TABLE`] holds: À to ư, and
/// Ạ to ỹ.
const FOLD_RANGES: [(char, char); 2] = [('\u{C0}', '\u{1B0}'), ('\u{1EA0}', '\u{1EF9}')];

/// For each character of [`FOLD_RANGES`], the [`Fold`]s of its
/// decomposition, when the NFD of a word is the decompositions of its
/// characters one after the other: the character is a starter and
/// decomposes into a starter and marks already in canonical order.
static FOLD_TABLE: std::sync::LazyLock<Vec<Option<Box<[Fold]>>>> = std::sync::LazyLock::new(|| {
    use unicode_normalization::char::{canonical_combining_class as ccc, decompose_canonical};
    FOLD_RANGES
        .iter()
        .flat_map(|&(a, b)| a..=b)
        .map(|c| {
            let mut parts = Vec::new();
            decompose_canonical(c, |d| parts.push(d));
            let (&first, marks) = parts.split_first()?;
            let ordered = marks.iter().all(|&m| ccc(m) != 0) && marks.is_sorted_by_key(|&m| ccc(m));
            (ccc(c) == 0 && ccc(first) == 0 && ordered).then(|| parts.iter().map(|&d| fold_class(d)).collect())
        })
        .collect()
});

/// [`fold_key`] of one word of ASCII and [`FOLD_TABLE`] characters into
/// `out`; false (with `out` part written) at any other character.
fn fold_word_fast(w: &str, out: &mut String) -> bool {
    let table = &*FOLD_TABLE;
    let mut tone = None;
    for c in w.chars() {
        if c.is_ascii() {
            let f = if c.is_ascii_alphanumeric() { Fold::Keep(c) } else { Fold::Break(c) };
            fold_push(f, &mut tone, out);
            continue;
        }
        let mut base = 0;
        let mut entry = None;
        for &(a, b) in &FOLD_RANGES {
            if (a..=b).contains(&c) {
                entry = table.get(base + (c as usize - a as usize));
                break;
            }
            base += b as usize - a as usize + 1;
        }
        let Some(Some(parts)) = entry else { return false };
        for &f in parts.iter() {
            fold_push(f, &mut tone, out);
        }
    }
    if let Some(t) = tone {
        out.push(t);
    }
    true
}

fn is_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// Builds the folding table now (see [`crate::warm_up`]).
pub(crate) fn warm_up() {
    std::sync::LazyLock::force(&FOLD_TABLE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_without_a_movable_tone_are_kept_as_they_are() {
        // Every word of the fixtures, in capitals too, decomposed (NFD)
        // too, and every pair of syllables of a cast of toned vowels.
        let mut words: Vec<String> = Vec::new();
        for line in crate::patterns::fixture_lines() {
            for w in line.split_whitespace() {
                words.push(w.to_string());
                words.push(w.to_uppercase());
                words.push(unicode_normalization::UnicodeNormalization::nfd(w).collect());
            }
        }
        for (v, toned) in TONED_VOWELS {
            for c in std::iter::once(*v).chain(toned.chars()).chain("âăêôơư".chars()) {
                for first in ["h", "q", "th", "kh"] {
                    for second in ["a", "e", "y", "n", "à", "ý", "ẹ", "ố"] {
                        words.push(format!("{first}o{c}{second} {first}u{c}"));
                        words.push(format!("{first}{c}{second}"));
                    }
                }
            }
        }
        let mut kept = 0;
        for w in &words {
            assert_eq!(tone_variants(w), all_tone_variants(w), "{w}");
            kept += usize::from(!may_move_tone(w));
        }
        // Most words skip the syllables, and some do not.
        assert!(kept > words.len() / 2 && kept < words.len(), "{kept} of {}", words.len());
    }

    #[test]
    fn tone_variants_cover_both_placements() {
        let cases: &[(&str, &[&str])] = &[
            ("hòa", &["hoà", "hòa"]),
            ("Văn hoá", &["Văn hoá", "Văn hóa"]),
            ("Ủy ban", &["Uỷ ban", "Ủy ban"]),
            ("quý", &["quý"]),
            ("hoàn", &["hoàn"]),
            ("khỏe", &["khoẻ", "khỏe"]),
            ("Phòng", &["Phòng"]),
        ];
        for (word, expected) in cases {
            assert_eq!(&tone_variants(word), expected, "for {word}");
        }
    }

    #[test]
    fn syllable_shortcuts_agree_with_the_decomposition() {
        // Every pair of letters over a cast of initials, the vowels of the
        // pairs in every tone and case, other vowels and finals, and a
        // combining mark (text not in NFC), after a few initials.
        let mut cast: Vec<String> =
            ["q", "Q", "h", "kh", "th", "ư", "ơ", "ô", "â", "ă", "i", "n", "ng", "\u{301}", "\u{300}"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        for (v, toned) in TONED_VOWELS {
            for c in std::iter::once(*v).chain(toned.chars()) {
                cast.push(c.to_string());
                cast.push(c.to_uppercase().collect());
            }
        }
        let mut tried = 0;
        let mut paired = 0;
        for a in &cast {
            for b in &cast {
                for i in ["", "q", "Q", "kh", "ư", "\u{301}"] {
                    let syl = format!("{i}{a}{b}");
                    let want = if syl.is_ascii() { None } else { forms_by_decomposition(&syl) };
                    assert_eq!(syllable_forms(&syl), want, "{syl:?}");
                    tried += 1;
                    paired += usize::from(want.is_some());
                }
            }
        }
        assert!(tried > 30_000 && paired > 1_000, "{tried} {paired}");
    }

    /// The key as it was first written: each word through the full NFD.
    fn fold_key_by_nfd(s: &str) -> String {
        let mut out = String::new();
        for (i, w) in s.split_whitespace().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let mut tone = None;
            for c in w.nfd() {
                match c {
                    'Ð' => out.push('Đ'),
                    'ð' => out.push('đ'),
                    _ if TONE_MARKS.contains(&c) => tone = Some(c),
                    _ if !c.is_alphanumeric() && !is_mark(c) => {
                        if let Some(t) = tone.take() {
                            out.push(t);
                        }
                        out.push(c);
                    }
                    _ => out.push(c),
                }
            }
            if let Some(t) = tone {
                out.push(t);
            }
        }
        out
    }

    #[test]
    fn fold_key_agrees_with_the_full_nfd() {
        let mut texts: Vec<String> = [
            "Văn hoá",
            "Văn hóa",
            "ÐẢNG  Ủy",
            "đảng,ủy",
            "hoà.",
            "Hòa)",
            "Quyết định số 12/QĐ-UBND",
            "Thu\u{309}y",
            "thủy",
            "Tru\u{31b}\u{300}ng",
            "a\u{302}\u{323}",
            "a\u{323}\u{302}",
            "ậ",
            "Ðð ðÐ",
            "người\tdân  ,  x",
            "ABC def",
            "",
            "  ",
            "Ω≈ç",
            "x\u{300}",
            "ǅ",
            "Ἀ",
            "한국",
            "“Sở”",
            "phường–xã",
            "hoá-đơn",
            "tỉnh;huyện",
            "xã:ấp",
            "ự\u{301}",
            "ò\u{31b}",
        ]
        .map(String::from)
        .to_vec();
        for (a, b) in FOLD_RANGES {
            for c in a..=b {
                texts.push(format!("{c}"));
                texts.push(format!("t{c}ng."));
                texts.push(format!("{c}\u{301}a {c}\u{323}"));
                texts.push(format!("x{c}ỏ,{c}"));
            }
        }
        for t in texts {
            assert_eq!(fold_key(&t), fold_key_by_nfd(&t), "{t:?}");
        }
    }

    #[test]
    fn fold_key_unifies_tone_and_eth() {
        assert_eq!(fold_key("Văn hoá"), fold_key("Văn hóa"));
        assert_eq!(fold_key("ÐẢNG"), fold_key("ĐẢNG"));
        assert_eq!(doc_type_kind("THÔNG  BÁO"), Some("thong_bao"));
        assert_eq!(doc_type_kind("Thông báo"), None);
    }
}
