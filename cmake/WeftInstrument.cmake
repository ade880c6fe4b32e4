# weft_instrument(<target>): compile a target with -fsanitize=thread and link libweft_rt (issue 3).
