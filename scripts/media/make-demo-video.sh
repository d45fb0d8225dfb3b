#!/usr/bin/env bash
# Makes the demo course's video lesson, public/media/anquanmao.mp4 (committed; run again only to change
# it): six captioned slides on wearing a safety helmet, 10 s each, H.264 at a phone-friendly size.
# Needs Debian's ffmpeg and fonts-noto-cjk (apt-get install ffmpeg fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/../.."
FONT=/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
OUT=public/media/anquanmao.mp4
SLIDES=(
  "正确佩戴安全帽|工伤预防入门 · 视频课"
  "第一步：检查|帽壳、帽衬有无裂纹、变形和老化"
  "第二步：调整帽箍|戴稳不晃动，帽衬与头顶留出空隙"
  "第三步：系紧下颏带|低头、转头时安全帽不脱落"
  "受过重击的安全帽|即使外表完好，也要立即更换"
  "进入作业现场|先戴好安全帽，再开始工作"
)
COLORS=(0x0b4f8a 0x14532d 0x7c2d12 0x1e3a8a 0x7f1d1d 0x0b4f8a)
inputs=()
filters=""
for i in "${!SLIDES[@]}"; do
  title="${SLIDES[$i]%%|*}"
  line="${SLIDES[$i]#*|}"
  inputs+=(-f lavfi -t 10 -i "color=c=${COLORS[$i]}:s=640x360:r=25")
  filters+="[$i:v]drawtext=fontfile=$FONT:text='$title':fontcolor=white:fontsize=40:x=(w-text_w)/2:y=120,"
  filters+="drawtext=fontfile=$FONT:text='$line':fontcolor=0xfde68a:fontsize=24:x=(w-text_w)/2:y=200,"
  filters+="drawtext=fontfile=$FONT:text='%{eif\\:t+$((i * 10))\\:d} 秒':fontcolor=0xcbd5e1:fontsize=16:x=w-text_w-16:y=h-32[v$i];"
done
concat=""
for i in "${!SLIDES[@]}"; do concat+="[v$i]"; done
filters+="${concat}concat=n=${#SLIDES[@]}:v=1:a=0[out]"
ffmpeg -y -loglevel error "${inputs[@]}" -filter_complex "$filters" -map "[out]" \
  -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 30 -preset veryslow -movflags +faststart "$OUT"
ls -l "$OUT"
